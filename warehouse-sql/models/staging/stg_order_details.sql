{{ config(materialized='view') }}
-- One row per order line: its newest change, from its latest load (the fact needs no older version).
{{ latest_change(source('rainbow', 'order_details'), 'id, order_id, product_id, quantity, regular_price, price, created_at, updated_at') }}
