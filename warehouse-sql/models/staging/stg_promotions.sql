{{ config(materialized='view') }}
-- One row per version of a promotion (id, updated_at): a version loaded more than once keeps its latest load.
{{ latest_load_per_version(source('rainbow', 'promotions'), 'id, name, discount_type, discount_value, start_date, end_date, usage_limit, usage_count, created_at, updated_at') }}
