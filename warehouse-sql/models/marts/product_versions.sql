{{ config(materialized='view') }}
-- Exported for the serving layer: the attributes of each product version and when it became valid, so that the
-- speed side names the lines of orders placed before its newest changes as the batch side does.
select product_id, valid_from, seller_id, name as product_name, category
from {{ ref('dim_products') }}
