{{ config(materialized='table') }}
-- Generated calendar; widen it with --vars calendar_start / calendar_end.
select
    {{ date_key('date_day') }} as date_key,
    date_day,
    extract(year from date_day) as year,
    extract(quarter from date_day) as quarter,
    extract(month from date_day) as month,
    {{ format_date('%B', 'date_day') }} as month_name,
    extract(day from date_day) as day_of_month,
    {{ iso_day_of_week('date_day') }} as day_of_week,
    {{ format_date('%A', 'date_day') }} as day_name,
    {{ iso_day_of_week('date_day') }} >= 6 as is_weekend
from ({{ date_spine(var('calendar_start', '2020-01-01'), var('calendar_end', '2035-12-31')) }}) as calendar
