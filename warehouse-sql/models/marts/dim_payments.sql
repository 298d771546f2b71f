{{ config(materialized='table') }}
-- SCD1: the newest version of each payment method; a deleted one drops out.
select
    {{ surrogate_key(['id']) }} as payment_sk,
    id as payment_id, method, created_at, updated_at
from {{ latest_version(ref('stg_payments')) }} as payments
where not payments._deleted
