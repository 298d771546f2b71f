{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and promotion (none: nulls), the measures of GET /api/v1/sales/by-promotion.
{{ daily_sales_by(['promotion_id', 'promotion_name', 'promotion_type']) }}
