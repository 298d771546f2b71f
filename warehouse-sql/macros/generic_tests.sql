{#- Generic data tests, declared per column in the models' schema.yml (dbt's `tests:`). Each returns
    the failing rows; the runner calls test_<name>(model=ref(...), column_name=..., <arguments>). -#}

{% macro test_unique(model, column_name) -%}
select {{ column_name }} as duplicated_value, count(*) as occurrences
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro %}

{% macro test_not_null(model, column_name) -%}
select * from {{ model }} where {{ column_name }} is null
{%- endmacro %}

{% macro test_accepted_values(model, column_name, values) -%}
select {{ column_name }} as unexpected_value, count(*) as occurrences
from {{ model }}
where {{ column_name }} not in ({% for v in values %}'{{ v }}'{% if not loop.last %}, {% endif %}{% endfor %})
group by {{ column_name }}
{%- endmacro %}

{% macro test_relationships(model, column_name, to, field) -%}
select child.{{ column_name }} as missing_key, count(*) as occurrences
from {{ model }} as child
left join {{ to }} as parent on child.{{ column_name }} = parent.{{ field }}
where child.{{ column_name }} is not null and parent.{{ field }} is null
group by child.{{ column_name }}
{%- endmacro %}

{#- SCD2 windows of one natural key (column_name) are well-formed: valid_from < valid_to, each window
    ends where the next begins, exactly the last one is current and open-ended. -#}
{% macro test_scd2_windows(model, column_name) -%}
select *
from (
    select {{ column_name }}, valid_from, valid_to, is_current,
           lead(valid_from) over (partition by {{ column_name }} order by valid_from) as next_valid_from
    from {{ model }}
) as windows
where valid_from >= valid_to
   or (next_valid_from is not null and (valid_to <> next_valid_from or is_current))
   or (next_valid_from is null and (valid_to <> {{ scd2_open_end() }} or not is_current))
{%- endmacro %}
