{{ config(materialized='view') }}
-- One row per order: its newest change, from its latest load (the fact needs no older version).
{{ latest_change(source('rainbow', 'orders'), 'id, customer_id, payment_id, promotion_id, status, total_amount, created_at, updated_at') }}
