{{ config(materialized='view') }}
-- One row per version of a payment (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'payments'), 'id, method, created_at, updated_at') }}
