{#- The batch views of the serving layer: the measures of the sales routes (serving-api/README.md, Routes) per day
    and, optionally, per value of some columns of order_line_sales (the attributes as of order time). -#}
{% macro daily_sales_by(keys=[]) -%}
select
    sales_date,
    {% for key in keys %}{{ key }},
    {% endfor -%}
    cast(count(distinct order_id) as {{ type_int() }}) as order_count,
    cast(sum(sales_quantity) as {{ type_int() }}) as sales_quantity,
    cast(sum(extended_sales_amount) as {{ type_money() }}) as extended_sales_amount,
    cast(sum(extended_discount_amount) as {{ type_money() }}) as extended_discount_amount
from {{ ref('order_line_sales') }}
group by sales_date{% for key in keys %}, {{ key }}{% endfor %}
{%- endmacro %}
