{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and the customer's city when the order was placed, the measures of
-- GET /api/v1/sales/by-city.
{{ daily_sales_by(['customer_city']) }}
