{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and seller (the product's seller when the order was placed),
-- the measures of GET /api/v1/sales/by-seller.
{{ daily_sales_by(['seller_id', 'seller_name']) }}
