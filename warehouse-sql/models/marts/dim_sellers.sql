{{ config(materialized='table') }}
-- SCD1: the newest version of each seller; a deleted one drops out.
select
    {{ surrogate_key(['id']) }} as seller_sk,
    id as seller_id, name, city, created_at, updated_at
from {{ latest_version(ref('stg_sellers')) }} as sellers
where not sellers._deleted
