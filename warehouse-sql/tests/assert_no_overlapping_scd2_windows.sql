-- No two versions of one customer or product are valid at the same instant.
select 'dim_customers' as dimension, a.customer_id as natural_key, a.valid_from, a.valid_to,
       b.valid_from as other_valid_from, b.valid_to as other_valid_to
from {{ ref('dim_customers') }} as a
join {{ ref('dim_customers') }} as b
  on a.customer_id = b.customer_id and a.customer_sk <> b.customer_sk
 and a.valid_from < b.valid_to and b.valid_from < a.valid_to
union all
select 'dim_products', a.product_id, a.valid_from, a.valid_to, b.valid_from, b.valid_to
from {{ ref('dim_products') }} as a
join {{ ref('dim_products') }} as b
  on a.product_id = b.product_id and a.product_sk <> b.product_sk
 and a.valid_from < b.valid_to and b.valid_from < a.valid_to
