{{ config(materialized='view') }}
-- One row per version of an order line (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'order_details'), 'id, order_id, product_id, quantity, regular_price, price, created_at, updated_at') }}
