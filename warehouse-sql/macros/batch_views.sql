{#- The batch views of the serving layer: the measures of the sales routes (serving-api/README.md, Routes) per day and, optionally, per
    key of one dimension (`dim` joined on `sk`, grouped by `keys`). Deleted lines are not sales. -#}
{% macro daily_sales_by(dim='', sk='', keys=[]) -%}
select
    d.date_day as sales_date,
    {% for key in keys %}k.{{ key }},
    {% endfor -%}
    cast(count(distinct f.order_id) as {{ type_int() }}) as order_count,
    cast(sum(f.sales_quantity) as {{ type_int() }}) as sales_quantity,
    cast(sum(f.extended_sales_amount) as {{ type_money() }}) as extended_sales_amount,
    cast(sum(f.extended_discount_amount) as {{ type_money() }}) as extended_discount_amount
from {{ ref('fact_sales') }} as f
join {{ ref('dim_dates') }} as d on d.date_key = f.date_key
{% if dim %}join {{ ref(dim) }} as k on k.{{ sk }} = f.{{ sk }}
{% endif -%}
where not f.is_deleted
group by d.date_day{% for key in keys %}, k.{{ key }}{% endfor %}
{%- endmacro %}
