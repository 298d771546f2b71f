package org.rainbow.pipeline.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rainbow.pipeline.warehouse.duckdb.DuckDbWarehouse;

/** Every row of every mart, in a stable order, to compare two warehouses. */
final class WarehouseSnapshot {

    private static final List<String> MARTS = List.of("dim_dates", "dim_customers", "dim_products", "dim_sellers",
            "dim_promotions", "dim_payments", "fact_sales", "order_line_sales", "agg_daily_sales",
            "agg_daily_product_sales", "agg_daily_seller_sales", "agg_daily_payment_sales", "agg_daily_category_sales",
            "agg_daily_city_sales", "agg_daily_promotion_sales");

    private WarehouseSnapshot() {
    }

    static Map<String, List<Map<String, Object>>> of(DuckDbWarehouse warehouse) {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String mart : MARTS) {
            snapshot.put(mart, warehouse.query("select * from marts." + mart + " order by all", 100_000).rows());
        }
        return snapshot;
    }
}
