{#- Staging keeps every change of a row once: the same change (id, updated_at, deleted or not) loaded by
    several partitions (a re-extracted day, an overlapping backfill, a late row picked up again) collapses
    to its most recent load. A delete arrives as the row's last image with change_op 'D' and the same
    updated_at as that image, so it is told apart by `_deleted`, not by its time. The loaders' columns come
    from the renderer (`load_columns`), which takes their names from data-contracts' RawLoadColumns. -#}
{% macro latest_load_per_version(relation, columns) -%}
select {{ columns }}, change_op = 'D' as _deleted, {{ load_columns.partition_date }}, {{ load_columns.loaded_at }}
from (
    select *,
           row_number() over (
               partition by id, updated_at, case when change_op = 'D' then 1 else 0 end
               order by {{ load_columns.loaded_at }} desc, {{ load_columns.partition_date }} desc) as load_rank
    from {{ relation }}
) as loads
where load_rank = 1
{%- endmacro %}

{#- The newest change of each id, from its latest load, in one pass over the source: what the fact reads of
    orders and their lines. The same row as latest_version(latest_load_per_version(...)), whose two stacked
    window passes over every line ever loaded made up most of a day's build. -#}
{% macro latest_change(relation, columns) -%}
select {{ columns }}, change_op = 'D' as _deleted, {{ load_columns.partition_date }}, {{ load_columns.loaded_at }}
from (
    select *,
           row_number() over (
               partition by id
               order by updated_at desc, case when change_op = 'D' then 1 else 0 end desc,
                        {{ load_columns.loaded_at }} desc, {{ load_columns.partition_date }} desc) as change_rank
    from {{ relation }}
) as changes
where change_rank = 1
{%- endmacro %}

{#- The newest change of each id: what SCD1 dimensions read. A delete comes after the image it
    deletes, so on equal updated_at it wins; callers drop or flag rows whose newest change is a delete. -#}
{% macro latest_version(relation, key='id', deleted='_deleted') -%}
(
    select *
    from (
        select *, row_number() over (partition by {{ key }} order by updated_at desc, {{ deleted }} desc) as version_rank
        from {{ relation }}
    ) as versions
    where version_rank = 1
)
{%- endmacro %}
