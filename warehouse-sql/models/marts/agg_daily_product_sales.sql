{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and product, the measures of GET /api/v1/sales/by-product.
{{ daily_sales_by('dim_products', 'product_sk', ['product_id']) }}
