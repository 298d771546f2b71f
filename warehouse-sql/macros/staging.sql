{#- Staging keeps every version of a row once: the same (id, updated_at) loaded by several partitions
    (a re-extracted day, an overlapping backfill) collapses to its most recent load. -#}
{% macro latest_load_per_version(relation, columns) -%}
select {{ columns }}, _partition_date, _loaded_at
from (
    select *,
           row_number() over (partition by id, updated_at order by _loaded_at desc, _partition_date desc) as load_rank
    from {{ relation }}
) as loads
where load_rank = 1
{%- endmacro %}

{#- The newest version of each id: what SCD1 dimensions and the fact read. -#}
{% macro latest_version(relation, key='id') -%}
(
    select *
    from (
        select *, row_number() over (partition by {{ key }} order by updated_at desc) as version_rank
        from {{ relation }}
    ) as versions
    where version_rank = 1
)
{%- endmacro %}
