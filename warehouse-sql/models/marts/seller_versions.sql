{{ config(materialized='view') }}
-- Exported for the serving layer: each seller's name, valid since the seller was created (SCD1: the newest name
-- stands for every order, as in the batch views).
select seller_id, least(created_at, updated_at) as valid_from, name as seller_name
from {{ ref('dim_sellers') }}
