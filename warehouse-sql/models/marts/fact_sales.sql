{{ config(materialized='incremental', unique_key='order_line_id') }}
-- Grain: one order line, keyed to the dimension versions valid when its order was placed.
-- Incremental runs take the lines whose line or order was loaded after the newest load already merged:
-- load time, not updated_at, so a backfill that loads an older day after a newer one is still picked up.
with order_lines as (
    select
        line.id as order_line_id, line.order_id, line.product_id, line.quantity, line.regular_price, line.price,
        orders.customer_id, orders.payment_id, orders.promotion_id, orders.status,
        orders.created_at as ordered_at,
        greatest(line._loaded_at, orders._loaded_at) as source_loaded_at
    from {{ latest_version(ref('stg_order_details')) }} as line
    join {{ latest_version(ref('stg_orders')) }} as orders on orders.id = line.order_id
    {% if is_incremental() -%}
    where greatest(line._loaded_at, orders._loaded_at) >
          (select coalesce(max(source_loaded_at), {{ timestamp_literal('1900-01-01 00:00:00') }}) from {{ this }})
    {%- endif %}
)
select
    l.order_line_id,
    l.order_id,
    {{ date_key('l.ordered_at') }} as date_key,
    c.customer_sk,
    p.product_sk,
    s.seller_sk,
    pr.promotion_sk,
    pay.payment_sk,
    l.status as order_status,
    l.ordered_at,
    l.quantity as sales_quantity,
    l.regular_price as regular_unit_price,
    l.regular_price - l.price as discount_unit_price,
    l.price as net_unit_price,
    l.quantity * l.price as extended_sales_amount,
    l.quantity * (l.regular_price - l.price) as extended_discount_amount,
    l.source_loaded_at
from order_lines as l
left join {{ ref('dim_customers') }} as c
    on c.customer_id = l.customer_id and l.ordered_at >= c.valid_from and l.ordered_at < c.valid_to
left join {{ ref('dim_products') }} as p
    on p.product_id = l.product_id and l.ordered_at >= p.valid_from and l.ordered_at < p.valid_to
left join {{ ref('dim_sellers') }} as s on s.seller_id = p.seller_id
left join {{ ref('dim_promotions') }} as pr on pr.promotion_id = l.promotion_id
left join {{ ref('dim_payments') }} as pay on pay.payment_id = l.payment_id
