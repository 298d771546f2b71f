{{ config(materialized='view') }}
-- One row per version of a order (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'orders'), 'id, customer_id, payment_id, promotion_id, status, total_amount, created_at, updated_at') }}
