{{ config(materialized='view') }}
-- One row per version of a seller (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'sellers'), 'id, name, city, created_at, updated_at') }}
