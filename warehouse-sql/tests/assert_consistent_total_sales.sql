-- Σ extended_sales_amount in fact_sales equals Σ quantity × price of the newest version of every source
-- order line whose order is known.
with fact as (
    select coalesce(sum(extended_sales_amount), 0) as total from {{ ref('fact_sales') }}
),
source_lines as (
    select coalesce(sum(line.quantity * line.price), 0) as total
    from {{ latest_version(source('rainbow', 'order_details')) }} as line
    where line.order_id in (select id from {{ source('rainbow', 'orders') }})
)
select fact.total as fact_total, source_lines.total as source_total
from fact cross join source_lines
where fact.total <> source_lines.total
