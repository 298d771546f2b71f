-- Every fact row resolves to one row of each of its dimensions (the promotion only when it has one),
-- and to the version that was valid when the order was placed.
select f.order_line_id
from {{ ref('fact_sales') }} as f
left join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
left join {{ ref('dim_customers') }} as c
  on c.customer_sk = f.customer_sk and f.ordered_at >= c.valid_from and f.ordered_at < c.valid_to
left join {{ ref('dim_products') }} as p
  on p.product_sk = f.product_sk and f.ordered_at >= p.valid_from and f.ordered_at < p.valid_to
left join {{ ref('dim_sellers') }} as s on s.seller_sk = f.seller_sk
left join {{ ref('dim_payments') }} as pay on pay.payment_sk = f.payment_sk
left join {{ ref('dim_promotions') }} as pr on pr.promotion_sk = f.promotion_sk
where d.date_key is null or c.customer_sk is null or p.product_sk is null or s.seller_sk is null
   or pay.payment_sk is null or (f.promotion_sk is not null and pr.promotion_sk is null)
