package org.rainbow.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Selection and ordering on the bundled warehouse-sql project, parsed for DuckDB. */
class ModelGraphTest {

    private static final SqlProject PROJECT = new SqlProjectLoader().load(SqlProjectLoader.BUNDLED);
    private final ModelGraph graph = new ProjectParser(new JinjaRenderer(PROJECT.macros()))
            .parse(PROJECT, "duckdb", Map.of());

    private List<String> names(List<Model> models) {
        return models.stream().map(Model::name).toList();
    }

    @Test
    void everyModelComesAfterTheModelsItRefs() {
        List<String> order = names(graph.models());
        assertThat(order).hasSize(27);
        for (Model model : graph.models()) {
            for (String parent : model.parents()) {
                assertThat(order.indexOf(parent)).as(model.name() + " after " + parent)
                        .isLessThan(order.indexOf(model.name()));
            }
        }
        assertThat(graph.model("fact_sales").parents()).containsExactlyInAnyOrder("stg_orders", "stg_order_details",
                "dim_customers", "dim_products", "dim_sellers", "dim_promotions", "dim_payments");
    }

    @Test
    void configDecidesMaterializationKeyAndSchema() {
        Model fact = graph.model("fact_sales");
        assertThat(fact.config().materialized()).isEqualTo(Materialization.INCREMENTAL);
        assertThat(fact.config().uniqueKey()).containsExactly("order_line_id");
        assertThat(fact.relation().schema()).isEqualTo("marts");
        assertThat(graph.model("stg_orders").config().materialized()).isEqualTo(Materialization.VIEW);
        assertThat(graph.model("stg_orders").relation().schema()).isEqualTo("staging");
    }

    @Test
    void selectsLikeDbt() {
        assertThat(names(graph.select(List.of("dim_dates")))).containsExactly("dim_dates");
        assertThat(names(graph.select(List.of("+dim_customers")))).containsExactly("stg_customers", "dim_customers");
        assertThat(names(graph.select(List.of("stg_orders+")))).containsExactly("stg_orders", "fact_sales",
                "order_line_sales", "agg_daily_category_sales", "agg_daily_city_sales", "agg_daily_payment_sales",
                "agg_daily_product_sales", "agg_daily_promotion_sales", "agg_daily_sales", "agg_daily_seller_sales");
        assertThat(names(graph.select(List.of("+fact_sales")))).hasSize(13).doesNotContain("agg_daily_sales", "dim_dates");
        assertThat(names(graph.select(List.of("dim_dates", "+dim_payments"))))
                .containsExactlyInAnyOrder("dim_dates", "stg_payments", "dim_payments");
        assertThatThrownBy(() -> graph.select(List.of("nope"))).hasMessageContaining("no model named nope");
    }

    @Test
    void yamlDeclaredTestsAndSingularTestsKnowTheirModels() {
        Map<String, DataTest> tests = new java.util.HashMap<>();
        graph.tests().forEach(t -> tests.put(t.name(), t));
        assertThat(tests.get("relationships_fact_sales_customer_sk").models())
                .containsExactlyInAnyOrder("fact_sales", "dim_customers");
        assertThat(tests.get("assert_consistent_total_sales").models()).containsExactly("fact_sales");
        // Each is a check on one model: the one it is declared on, or the last one a singular test refs.
        assertThat(tests.get("relationships_fact_sales_customer_sk").model()).isEqualTo("fact_sales");
        assertThat(tests.get("not_null_dim_customers_email").model()).isEqualTo("dim_customers");
        assertThat(tests.get("assert_fact_keys_resolve").model()).isEqualTo("fact_sales");
        assertThat(tests.get("assert_no_overlapping_scd2_windows").model()).isEqualTo("dim_products");
        assertThat(tests).containsKeys("unique_dim_customers_customer_sk", "scd2_windows_dim_products_product_id",
                "accepted_values_dim_promotions_discount_type", "assert_no_overlapping_scd2_windows",
                "assert_fact_keys_resolve");
    }

    @Test
    void cyclesAndUnknownRefsAreRejected() {
        ModelConfig view = new ModelConfig(Materialization.VIEW, List.of(), "main");
        Model a = new Model("a", "a.sql", new org.rainbow.pipeline.warehouse.Relation("main", "a"), view, java.util.Set.of("b"), java.util.Set.of(), "");
        Model b = new Model("b", "b.sql", new org.rainbow.pipeline.warehouse.Relation("main", "b"), view, java.util.Set.of("a"), java.util.Set.of(), "");
        assertThatThrownBy(() -> new ModelGraph(List.of(a, b), List.of())).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new ModelGraph(List.of(a), List.of())).hasMessageContaining("unknown model b");
    }
}
