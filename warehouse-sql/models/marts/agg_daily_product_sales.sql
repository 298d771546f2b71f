{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and product (its name and category when the order was placed), the
-- measures of GET /api/v1/sales/by-product.
{{ daily_sales_by(['product_id', 'product_name', 'category']) }}
