package org.rainbow.pipeline.model;

import java.util.List;
import java.util.Map;

/**
 * What to run: dbt-style selectors ({@code fact_sales}, {@code +fact_sales}, {@code stg_orders+}; none
 * selects all), {@code fullRefresh} to rebuild incremental models, and {@code vars} for {@code var()}.
 */
public record RunRequest(List<String> select, boolean fullRefresh, Map<String, Object> vars) {

    public RunRequest {
        select = List.copyOf(select);
        vars = Map.copyOf(vars);
    }

    public static RunRequest all() {
        return new RunRequest(List.of(), false, Map.of());
    }

    public static RunRequest select(String... selectors) {
        return new RunRequest(List.of(selectors), false, Map.of());
    }
}
