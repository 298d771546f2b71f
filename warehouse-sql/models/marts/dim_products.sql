{{ config(materialized='incremental', unique_key='product_sk') }}
-- SCD2: one row per version of a product (a repricing is a new version), valid in [valid_from, valid_to).
with staged as (
    select id as product_id, seller_id, name, category, price, created_at, updated_at
    from {{ ref('stg_products') }}
    where not _deleted
),
{{ scd2_versions('staged', 'product_id', 'product_id, seller_id, name, category, price, created_at, updated_at') }}
select
    {{ surrogate_key(['product_id', 'updated_at']) }} as product_sk,
    product_id, seller_id, name, category, price, created_at, updated_at,
    {{ scd2_validity('product_id') }}
from versions
