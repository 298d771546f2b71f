package org.rainbow.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.pipeline.model.SalesHistory.day1;
import static org.rainbow.pipeline.model.SalesHistory.day2;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.pipeline.warehouse.duckdb.DuckDbWarehouse;

/** The bundled warehouse-sql project on a real DuckDB, fed through Parquet partitions like the batch layer. */
class ModelRunnerIT {

    private static final SqlProject PROJECT = new SqlProjectLoader().load(SqlProjectLoader.BUNDLED);

    @TempDir
    Path storage;

    private DuckDbWarehouse warehouse;
    private ModelRunner runner;

    @BeforeEach
    void openWarehouse() {
        warehouse = DuckDbWarehouse.inMemory();
        runner = new ModelRunner(warehouse, PROJECT);
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    private RunReport build() {
        RunReport report = runner.run(RunRequest.all());
        assertThat(report.succeeded()).as(report.format()).isTrue();
        return report;
    }

    private List<Map<String, Object>> rows(String sql) {
        return warehouse.query(sql, 10_000).rows();
    }

    @Test
    void starSchemaBuildsFromFixtureDataAndPassesEveryDataTest() {
        SalesHistory.day1().load(warehouse, storage);
        SalesHistory.day2().load(warehouse, storage);

        RunReport report = build();

        assertThat(report.models()).hasSize(27);
        ModelResult fact = report.result("fact_sales").orElseThrow();
        assertThat(fact.materialization()).isEqualTo(Materialization.INCREMENTAL);
        assertThat(fact.rows()).isEqualTo(4);
        assertThat(fact.testsFailed()).isZero();
        assertThat(fact.testsPassed()).isGreaterThanOrEqualTo(10);
        assertThat(report.result("stg_orders").orElseThrow().rows()).isNull();
        assertThat(report.format()).contains("fact_sales", "incremental", "SUCCESS", "passed, 0 failed");
        assertThat(rows("select sum(extended_sales_amount) as total from marts.fact_sales").get(0).get("total"))
                .isEqualTo(SalesHistory.TOTAL_SALES);
        assertThat(rows("select * from marts.agg_daily_sales order by sales_date"))
                .extracting(r -> r.get("extended_sales_amount"))
                .containsExactly(new BigDecimal("162.50"), new BigDecimal("90.00"));
        assertThat(rows("select order_status from marts.fact_sales where order_id = 100"))
                .allMatch(r -> r.get("order_status").equals("PAID"));
        assertThat(rows("select count(*) as n from marts.dim_dates").get(0).get("n")).isEqualTo(5844L);
    }

    @Test
    void customerWithThreeChangesOverTwoLoadsHasFourContiguousVersions() {
        SalesHistory.day1().load(warehouse, storage);
        build();
        SalesHistory.day2().load(warehouse, storage);
        build();

        List<Map<String, Object>> versions = rows("select email, valid_from, valid_to, is_current "
                + "from marts.dim_customers where customer_id = 1 order by valid_from");
        LocalDateTime end = LocalDateTime.of(2100, 1, 1, 0, 0);
        assertThat(versions).extracting(v -> v.get("email"))
                .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com");
        assertThat(versions).extracting(v -> v.get("valid_from"))
                .containsExactly(day1(8), day1(10), day1(12), day2(9));
        assertThat(versions).extracting(v -> v.get("valid_to"))
                .containsExactly(day1(10), day1(12), day2(9), end);
        assertThat(versions).extracting(v -> v.get("is_current")).containsExactly(false, false, false, true);
    }

    @Test
    void orderLinesJoinTheDimensionVersionsValidWhenTheOrderWasPlaced() {
        SalesHistory.day1().load(warehouse, storage);
        SalesHistory.day2().load(warehouse, storage);
        build();

        List<Map<String, Object>> lines = rows("""
                select f.order_line_id, p.price, c.email, f.regular_unit_price, f.net_unit_price,
                       f.discount_unit_price, f.extended_discount_amount, pr.name as promotion, f.date_key
                from marts.fact_sales f
                join marts.dim_products p on p.product_sk = f.product_sk
                join marts.dim_customers c on c.customer_sk = f.customer_sk
                left join marts.dim_promotions pr on pr.promotion_sk = f.promotion_sk
                order by f.order_line_id""");
        assertThat(lines).extracting(l -> l.get("price")).containsExactly(new BigDecimal("20.00"),
                new BigDecimal("100.00"), new BigDecimal("25.00"), new BigDecimal("30.00"));
        assertThat(lines).extracting(l -> l.get("email")).containsExactly("b@example.com", "b@example.com",
                "bob@example.com", "d@example.com");
        Map<String, Object> discounted = lines.get(2);
        assertThat(discounted.get("regular_unit_price")).isEqualTo(new BigDecimal("25.00"));
        assertThat(discounted.get("net_unit_price")).isEqualTo(new BigDecimal("22.50"));
        assertThat(discounted.get("discount_unit_price")).isEqualTo(new BigDecimal("2.50"));
        assertThat(discounted.get("extended_discount_amount")).isEqualTo(new BigDecimal("2.50"));
        assertThat(discounted.get("promotion")).isEqualTo("Ten off");
        assertThat(discounted.get("date_key")).isEqualTo(20261101L);
    }

    @Test
    void rerunningTheSameLoadChangesNothing() {
        SalesHistory.day1().load(warehouse, storage);
        SalesHistory.day2().load(warehouse, storage);
        build();
        Map<String, List<Map<String, Object>>> before = WarehouseSnapshot.of(warehouse);

        SalesHistory.day2().load(warehouse, storage);
        RunReport again = build();

        assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(before);
        assertThat(again.result("dim_customers").orElseThrow().rows()).isZero();
    }

    @Test
    void incrementalRunAfterNewDataEqualsAFullRebuild() {
        SalesHistory.day1().load(warehouse, storage);
        build();
        SalesHistory.day2().load(warehouse, storage);
        RunReport incremental = build();
        Map<String, List<Map<String, Object>>> afterIncremental = WarehouseSnapshot.of(warehouse);
        // Only the new line and the two lines of the order paid on day 2 are merged: one new, two replaced.
        assertThat(incremental.result("fact_sales").orElseThrow()).satisfies(fact -> {
            assertThat(fact.rows()).isEqualTo(3);
            assertThat(fact.inserted()).isEqualTo(1);
            assertThat(fact.updated()).isEqualTo(2);
        });

        RunReport rebuild = runner.run(new RunRequest(List.of(), true, Map.of()));

        assertThat(rebuild.succeeded()).as(rebuild.format()).isTrue();
        assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(afterIncremental);
    }

    @Test
    void reloadingAnOlderDayAfterANewerOneWasBuiltMergesWhatTheOlderDayAdds() {
        SalesHistory.day1().load(warehouse, storage);
        SalesHistory.day2().load(warehouse, storage);
        build();

        // Day 1 re-extracted (a backfill) with an order its first extract missed, older than anything merged.
        SalesHistory.day1()
                .row("orders", 99, 1, 1, null, "PLACED", new BigDecimal("100.00"), day1(9), day1(9))
                .row("order_details", 990, 99, 11, 1, new BigDecimal("100.00"), new BigDecimal("100.00"), day1(9), day1(9))
                .load(warehouse, storage);
        build();

        assertThat(rows("select c.email from marts.fact_sales f join marts.dim_customers c using (customer_sk) "
                + "where f.order_line_id = 990")).extracting(r -> r.get("email")).containsExactly("a@example.com");
        assertThat(rows("select sum(extended_sales_amount) as total from marts.fact_sales").get(0).get("total"))
                .isEqualTo(SalesHistory.TOTAL_SALES.add(new BigDecimal("100.00")));
        Map<String, List<Map<String, Object>>> incremental = WarehouseSnapshot.of(warehouse);
        assertThat(runner.run(new RunRequest(List.of(), true, Map.of())).succeeded()).isTrue();
        assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(incremental);
    }

    @Test
    void deletedLinesAndOrdersLeaveTheBatchViewsAndStayDeletedWhateverTheLoadOrder() {
        SalesHistory.day1().load(warehouse, storage);
        SalesHistory.day2()
                // Order 101 is cancelled outright (its line, then the order); order 100 loses its desk.
                .deleted("order_details", 1002, 101, 10, 1, new BigDecimal("25.00"), new BigDecimal("22.50"), day1(15), day1(15))
                .deleted("orders", 101, 2, 2, 1, "PLACED", new BigDecimal("22.50"), day1(15), day1(15))
                .deleted("order_details", 1001, 100, 11, 1, new BigDecimal("100.00"), new BigDecimal("100.00"), day1(11), day1(11))
                .load(warehouse, storage);
        build();
        BigDecimal live = SalesHistory.TOTAL_SALES.subtract(new BigDecimal("122.50"));

        assertThat(rows("select sum(extended_sales_amount) as total from marts.agg_daily_sales").get(0).get("total"))
                .isEqualTo(live);
        assertThat(rows("select order_count from marts.agg_daily_sales where sales_date = date '2026-11-01'"))
                .extracting(r -> r.get("order_count")).containsExactly(1L);
        assertThat(rows("select order_line_id from marts.fact_sales where is_deleted order by 1"))
                .extracting(r -> r.get("order_line_id")).containsExactly(1001L, 1002L);
        assertThat(rows("select order_line_id from marts.order_line_sales order by 1"))
                .extracting(r -> r.get("order_line_id")).containsExactly(1000L, 1003L);

        // Day 1 re-extracted after the deletes were built: its older images must not bring the lines back.
        SalesHistory.day1().load(warehouse, storage);
        build();

        assertThat(rows("select sum(extended_sales_amount) as total from marts.agg_daily_sales").get(0).get("total"))
                .isEqualTo(live);
        Map<String, List<Map<String, Object>>> incremental = WarehouseSnapshot.of(warehouse);
        assertThat(runner.run(new RunRequest(List.of(), true, Map.of())).succeeded()).isTrue();
        assertThat(WarehouseSnapshot.of(warehouse)).isEqualTo(incremental);
    }

    @Test
    void brokenSourceRowFailsItsDataTestAndStopsEverythingDownstream() {
        SalesHistory.day1()
                .row("customers", 3, "Eve", "Nox", null, null, "Metz", day1(9), day1(9))
                .load(warehouse, storage);

        RunReport report = runner.run(RunRequest.all());

        assertThat(report.succeeded()).isFalse();
        ModelResult customers = report.result("dim_customers").orElseThrow();
        assertThat(customers.status()).isEqualTo(ModelStatus.TEST_FAILED);
        TestResult notNull = customers.tests().stream()
                .filter(t -> t.name().equals("not_null_dim_customers_email")).findFirst().orElseThrow();
        assertThat(notNull.failures()).isEqualTo(1);
        assertThat(notNull.failingRows()).singleElement().satisfies(r -> assertThat(r.get("customer_id")).isEqualTo(3L));
        assertThat(report.result("fact_sales").orElseThrow().status()).isEqualTo(ModelStatus.SKIPPED);
        assertThat(report.result("agg_daily_sales").orElseThrow().status()).isEqualTo(ModelStatus.SKIPPED);
        assertThat(report.result("dim_products").orElseThrow().status()).isEqualTo(ModelStatus.SUCCESS);
        assertThat(warehouse.exists(new org.rainbow.pipeline.warehouse.Relation("marts", "fact_sales"))).isFalse();
        assertThat(report.format()).contains("FAIL not_null_dim_customers_email", "customer_id=3",
                "skipped: check not_null_dim_customers_email on dim_customers failed");
    }

    @Test
    void aModelMissingOrAddingAColumnOfItsCatalogIsReportedByModelAndColumn() {
        SqlProject broken = ProjectEdits.withModel(PROJECT, "stg_orders", sql -> sql.replace(" total_amount,", ""));
        broken = ProjectEdits.withModel(broken, "stg_payments", sql -> sql.replace("updated_at'", "updated_at, change_op'"));
        broken = ProjectEdits.withModel(broken, "customer_versions",
                sql -> sql.replace("city as customer_city", "email as customer_email"));
        SalesHistory.day1().load(warehouse, storage);
        RunReport report = new ModelRunner(warehouse, broken).run(RunRequest.all());
        assertThat(report.succeeded()).as(report.format()).isTrue();

        assertThat(ModelOutputColumns.stagingDifferences(warehouse)).containsExactly(
                "in the catalog, not in the model: stg_orders.total_amount DECIMAL(12,2)",
                "in the model, not in the catalog: stg_payments.change_op VARCHAR");
        assertThat(ModelOutputColumns.batchViewDifferences(warehouse)).containsExactly(
                "in BatchViews, not in the model: customer_versions.customer_city TEXT",
                "in the model, not in BatchViews: customer_versions.customer_email TEXT");
    }

    @Test
    void selectionBuildsOnlyTheSelectedModels() {
        SalesHistory.day1().load(warehouse, storage);

        RunReport report = runner.run(RunRequest.select("+dim_products"));

        assertThat(report.models()).extracting(ModelResult::model).containsExactly("stg_products", "dim_products");
        assertThat(report.succeeded()).isTrue();
        assertThat(rows("select count(*) as n from marts.dim_products").get(0).get("n")).isEqualTo(3L);
    }
}
