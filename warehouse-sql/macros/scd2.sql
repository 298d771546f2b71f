{#- SCD type 2 helpers. A version is one staged row (key, updated_at); windows are half-open
    [valid_from, valid_to), so versions of one key are contiguous and never overlap, and any number of
    changes inside one load each become a version. -#}

{% macro scd2_open_end() -%}{{ timestamp_literal('2100-01-01 00:00:00') }}{%- endmacro %}

{#- The versions to (re)compute windows for. A full build takes every staged version. An incremental run
    takes the staged versions not yet in the dimension plus every stored version of the keys they touch,
    so windows of those keys are recomputed from their whole history (late or several changes per load
    included) and the MERGE closes the old current row and inserts its successors in one statement. -#}
{% macro scd2_versions(staged, key, columns) -%}
{%- if is_incremental() -%}
new_versions as (
    select {{ columns }}
    from {{ staged }} as staged
    where not exists (
        select 1 from {{ this }} as dim
        where dim.{{ key }} = staged.{{ key }} and dim.updated_at = staged.updated_at
    )
),
versions as (
    select {{ columns }} from new_versions
    union all
    select {{ columns }} from {{ this }}
    where {{ key }} in (select {{ key }} from new_versions)
)
{%- else -%}
versions as (
    select {{ columns }} from {{ staged }} as staged
)
{%- endif -%}
{%- endmacro %}

{#- valid_from, valid_to, is_current for the CTE `versions` of scd2_versions. The first known version is
    valid from the row's creation, so facts placed before its first change still find it. -#}
{% macro scd2_validity(key) -%}
case
    when row_number() over (partition by {{ key }} order by updated_at) = 1 then least(created_at, updated_at)
    else updated_at
end as valid_from,
coalesce(lead(updated_at) over (partition by {{ key }} order by updated_at), {{ scd2_open_end() }}) as valid_to,
lead(updated_at) over (partition by {{ key }} order by updated_at) is null as is_current
{%- endmacro %}
