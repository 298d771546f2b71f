{{ config(materialized='view') }}
-- Exported for the serving layer: each promotion's name and type, valid since it was created (SCD1, as in the
-- batch views).
select promotion_id, least(created_at, updated_at) as valid_from, name as promotion_name,
       discount_type as promotion_type
from {{ ref('dim_promotions') }}
