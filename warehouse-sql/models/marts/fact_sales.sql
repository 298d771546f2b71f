{{ config(materialized='incremental', unique_key='order_line_id') }}
-- Grain: one order line, keyed to the dimension versions valid when its order was placed.
-- Incremental runs merge the lines whose state (the line's and its order's version, deleted or not) is not
-- in the fact yet: a comparison of versions, not a high-water mark, so a backfill that loads an older day
-- after a newer one still lands, and re-running a day changes nothing. A deleted line or order stays as a
-- row with is_deleted, so a late older version can never bring it back; the batch views leave it out.
with order_lines as (
    select
        line.id as order_line_id, line.order_id, line.product_id, line.quantity, line.regular_price, line.price,
        orders.customer_id, orders.payment_id, orders.promotion_id, orders.status,
        orders.created_at as ordered_at,
        line.updated_at as line_updated_at,
        orders.updated_at as order_updated_at,
        (line._deleted or orders._deleted) as is_deleted
    from {{ ref('stg_order_details') }} as line
    join {{ ref('stg_orders') }} as orders on orders.id = line.order_id
    {% if is_incremental() -%}
    where not exists (
        select 1 from {{ this }} as merged
        where merged.order_line_id = line.id
          and merged.line_updated_at = line.updated_at
          and merged.order_updated_at = orders.updated_at
          and merged.is_deleted = (line._deleted or orders._deleted)
    )
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
    l.is_deleted,
    l.line_updated_at,
    l.order_updated_at
from order_lines as l
left join {{ ref('dim_customers') }} as c
    on c.customer_id = l.customer_id and l.ordered_at >= c.valid_from and l.ordered_at < c.valid_to
left join {{ ref('dim_products') }} as p
    on p.product_id = l.product_id and l.ordered_at >= p.valid_from and l.ordered_at < p.valid_to
left join {{ ref('dim_sellers') }} as s on s.seller_id = p.seller_id
left join {{ ref('dim_promotions') }} as pr on pr.promotion_id = l.promotion_id
left join {{ ref('dim_payments') }} as pay on pay.payment_id = l.payment_id
