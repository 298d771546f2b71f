{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and payment, the measures of daily sales by payment method.
select
    d.date_day as sales_date,
    pay.payment_id, pay.method,
    count(distinct f.order_id) as order_count,
    sum(f.sales_quantity) as sales_quantity,
    sum(f.extended_sales_amount) as extended_sales_amount,
    sum(f.extended_discount_amount) as extended_discount_amount
from {{ ref('fact_sales') }} as f
join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
join {{ ref('dim_payments') }} as pay on pay.payment_sk = f.payment_sk
group by d.date_day, pay.payment_id, pay.method
