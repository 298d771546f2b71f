{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and product category when the order was placed, the measures of
-- GET /api/v1/sales/by-category.
{{ daily_sales_by(['category']) }}
