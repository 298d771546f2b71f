{{ config(materialized='table') }}
-- The live order lines behind the batch views, at their grain, with natural keys and the attributes analysts
-- slice by as they were when the order was placed (product and customer versions of the SCD2 dimensions; sellers,
-- payment methods and promotions have no update route and are SCD1). Every batch view aggregates these lines.
-- The serving layer takes the lines of an order that changed after the watermark out of the batch views and
-- counts that order from the speed side instead, so a late change to an old day is neither lost nor counted twice.
select
    f.order_line_id,
    f.order_id,
    d.date_day as sales_date,
    f.ordered_at,
    p.product_id,
    p.name as product_name,
    p.category,
    s.seller_id,
    s.name as seller_name,
    c.customer_id,
    c.city as customer_city,
    pay.payment_id,
    pay.method as payment_method,
    pr.promotion_id,
    pr.name as promotion_name,
    pr.discount_type as promotion_type,
    -- A line's quantity is the source's integer; the batch views' catalog (BatchViews) and the sums are bigint.
    cast(f.sales_quantity as {{ type_int() }}) as sales_quantity,
    f.extended_sales_amount,
    f.extended_discount_amount
from {{ ref('fact_sales') }} as f
join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
join {{ ref('dim_products') }} as p on p.product_sk = f.product_sk
join {{ ref('dim_sellers') }} as s on s.seller_sk = f.seller_sk
join {{ ref('dim_payments') }} as pay on pay.payment_sk = f.payment_sk
left join {{ ref('dim_customers') }} as c on c.customer_sk = f.customer_sk
left join {{ ref('dim_promotions') }} as pr on pr.promotion_sk = f.promotion_sk
where not f.is_deleted
