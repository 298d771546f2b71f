{{ config(materialized='view') }}
-- One row per version of a customer (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'customers'), 'id, first_name, last_name, email, phone, city, created_at, updated_at') }}
