-- Σ extended_sales_amount of the live lines in fact_sales equals Σ quantity × price of the newest version
-- of every source order line whose order is known, leaving out lines and orders whose newest change is a delete.
with fact as (
    select coalesce(sum(extended_sales_amount), 0) as total from {{ ref('fact_sales') }} where not is_deleted
),
source_lines as (
    select coalesce(sum(line.quantity * line.price), 0) as total
    from {{ latest_version(source('rainbow', 'order_details'), deleted="change_op = 'D'") }} as line
    join {{ latest_version(source('rainbow', 'orders'), deleted="change_op = 'D'") }} as orders on orders.id = line.order_id
    where line.change_op <> 'D' and orders.change_op <> 'D'
)
select fact.total as fact_total, source_lines.total as source_total
from fact cross join source_lines
where fact.total <> source_lines.total
