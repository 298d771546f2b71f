{{ config(materialized='table') }}
-- SCD1: the newest version of each promotion; a deleted one drops out.
select
    {{ surrogate_key(['id']) }} as promotion_sk,
    id as promotion_id, name, discount_type, discount_value, start_date, end_date, usage_limit, usage_count,
    created_at, updated_at
from {{ latest_version(ref('stg_promotions')) }} as promotions
where not promotions._deleted
