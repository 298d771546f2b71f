{{ config(materialized='table') }}
-- Batch view for the serving layer: per day and payment method, the measures of GET /api/v1/sales/by-payment.
{{ daily_sales_by(['payment_id', 'payment_method']) }}
