{#- The few places where DuckDB and BigQuery SQL differ. target.type is 'duckdb' or 'bigquery'. -#}

{% macro surrogate_key(columns) -%}
{%- if target.type == 'bigquery' -%}
to_hex(md5(concat({% for c in columns %}coalesce(cast({{ c }} as string), '_null_'){% if not loop.last %}, '|', {% endif %}{% endfor %})))
{%- else -%}
md5(concat({% for c in columns %}coalesce(cast({{ c }} as varchar), '_null_'){% if not loop.last %}, '|', {% endif %}{% endfor %}))
{%- endif -%}
{%- endmacro %}

{% macro format_date(format, expression) -%}
{%- if target.type == 'bigquery' -%}format_date('{{ format }}', {{ expression }}){%- else -%}strftime({{ expression }}, '{{ format }}'){%- endif -%}
{%- endmacro %}

{% macro type_int() -%}{%- if target.type == 'bigquery' -%}int64{%- else -%}bigint{%- endif -%}{%- endmacro %}

{#- Money sums: exact, two decimals. -#}
{% macro type_money() -%}{%- if target.type == 'bigquery' -%}numeric{%- else -%}decimal(18,2){%- endif -%}{%- endmacro %}

{#- yyyymmdd as an integer, the key of dim_dates. -#}
{% macro date_key(expression) -%}
cast({{ format_date('%Y%m%d', 'cast(' ~ expression ~ ' as date)') }} as {{ type_int() }})
{%- endmacro %}

{#- ISO day of week: Monday = 1 ... Sunday = 7 (BigQuery's dayofweek starts on Sunday = 1). -#}
{% macro iso_day_of_week(expression) -%}
{%- if target.type == 'bigquery' -%}mod(extract(dayofweek from {{ expression }}) + 5, 7) + 1{%- else -%}isodow({{ expression }}){%- endif -%}
{%- endmacro %}

{#- One row per day, column date_day, both ends included. -#}
{% macro date_spine(start_date, end_date) -%}
{%- if target.type == 'bigquery' -%}
select date_day from unnest(generate_date_array(date '{{ start_date }}', date '{{ end_date }}')) as date_day
{%- else -%}
select cast(unnest(generate_series(date '{{ start_date }}', date '{{ end_date }}', interval 1 day)) as date) as date_day
{%- endif -%}
{%- endmacro %}

{% macro timestamp_literal(value) -%}timestamp '{{ value }}'{%- endmacro %}
