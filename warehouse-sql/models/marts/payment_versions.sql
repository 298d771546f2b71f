{{ config(materialized='view') }}
-- Exported for the serving layer: each payment method's name, valid since it was created (SCD1, as in the batch views).
select payment_id, least(created_at, updated_at) as valid_from, method as payment_method
from {{ ref('dim_payments') }}
