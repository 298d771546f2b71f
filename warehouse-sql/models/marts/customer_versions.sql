{{ config(materialized='view') }}
-- Exported for the serving layer: each customer version's city and when it became valid (no personal data).
select customer_id, valid_from, city as customer_city
from {{ ref('dim_customers') }}
