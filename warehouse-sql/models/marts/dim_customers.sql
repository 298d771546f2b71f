{{ config(materialized='incremental', unique_key='customer_sk') }}
-- SCD2: one row per version of a customer, valid in [valid_from, valid_to).
with staged as (
    select id as customer_id, first_name, last_name, email, phone, city, created_at, updated_at
    from {{ ref('stg_customers') }}
    where not _deleted
),
{{ scd2_versions('staged', 'customer_id', 'customer_id, first_name, last_name, email, phone, city, created_at, updated_at') }}
select
    {{ surrogate_key(['customer_id', 'updated_at']) }} as customer_sk,
    customer_id, first_name, last_name, email, phone, city, created_at, updated_at,
    {{ scd2_validity('customer_id') }}
from versions
