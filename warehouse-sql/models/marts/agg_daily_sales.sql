{{ config(materialized='table') }}
-- Batch view for the serving layer: one row per day with the measures of GET /api/v1/sales/daily.
{{ daily_sales_by() }}
