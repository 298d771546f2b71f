{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and product, the measures of GET /api/v1/sales/by-product.
select
    d.date_day as sales_date,
    p.product_id,
    count(distinct f.order_id) as order_count,
    sum(f.sales_quantity) as sales_quantity,
    sum(f.extended_sales_amount) as extended_sales_amount,
    sum(f.extended_discount_amount) as extended_discount_amount
from {{ ref('fact_sales') }} as f
join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
join {{ ref('dim_products') }} as p on p.product_sk = f.product_sk
group by d.date_day, p.product_id
