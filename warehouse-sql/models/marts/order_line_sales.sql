{{ config(materialized='view') }}
-- The live order lines behind the batch views, at their grain, with natural keys. The serving layer takes
-- the lines of an order that changed after the watermark out of the batch views and counts that order from
-- the speed side instead, so a late change to an old day is neither lost nor counted twice.
select
    f.order_line_id,
    f.order_id,
    d.date_day as sales_date,
    p.product_id,
    s.seller_id,
    pay.payment_id,
    f.sales_quantity,
    f.extended_sales_amount,
    f.extended_discount_amount
from {{ ref('fact_sales') }} as f
join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
join {{ ref('dim_products') }} as p on p.product_sk = f.product_sk
join {{ ref('dim_sellers') }} as s on s.seller_sk = f.seller_sk
join {{ ref('dim_payments') }} as pay on pay.payment_sk = f.payment_sk
where not f.is_deleted
