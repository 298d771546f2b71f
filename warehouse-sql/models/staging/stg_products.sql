{{ config(materialized='view') }}
-- One row per version of a product (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'products'), 'id, seller_id, name, category, price, created_at, updated_at') }}
