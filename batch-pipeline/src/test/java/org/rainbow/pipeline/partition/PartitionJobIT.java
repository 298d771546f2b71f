package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetStatus;
import org.rainbow.pipeline.asset.CheckResult;
import org.rainbow.pipeline.asset.Materialization;
import org.rainbow.pipeline.model.ModelOutputColumns;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.pipeline.warehouse.QueryResult;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daily partition job end to end on real engines: the API's schema and three days of known data in
 * PostgreSQL, Parquet on the local filesystem, the models on DuckDB. Totals are checked against PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false",
        "rainbow.pipeline.grid-size=2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionJobIT {

    /** Master data only: every later day's facts resolve against it, as in a backfill from the start. */
    private static final LocalDate DAY_0 = LocalDate.of(2026, 2, 28);
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY_3 = LocalDate.of(2026, 3, 3);
    private static JdbcTemplate source;

    @Autowired
    private PartitionOperations operations;
    @Autowired
    private PartitionAssets assets;
    @Autowired
    private AssetStatus status;
    @Autowired
    private Warehouse warehouse;
    @Autowired
    private ObjectStorage storage;
    /** The job repository's database (spring.datasource). */
    @Autowired
    private JdbcTemplate jobRepository;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        source = PipelineEngines.register(registry, "pipeline_it", "/partition/three-days.sql");
    }

    @Test
    @Order(1)
    void aDaysPartitionMatchesPostgresAndRerunsIdentically() throws Exception {
        assertThat(operations.runPartition(DAY_0).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JobExecution run = operations.runPartition(DAY_1);

        assertThat(run.getStatus()).as(run.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storage.list("raw/")).contains("raw/orders/dt=2026-03-01/part-00000.parquet",
                "raw/customers/dt=2026-03-01/part-00000.parquet");
        assertThat(count("select count(*) from raw.customers where _partition_date = date '2026-03-01'")).isEqualTo(3);
        assertThat(count("select count(*) from marts.fact_sales where cast(ordered_at as date) = date '2026-03-01'"))
                .isEqualTo(truth("select count(*) from order_details d join orders o on o.id = d.order_id "
                        + "where o.created_at >= '2026-03-01' and o.created_at < '2026-03-02'"));
        assertDailyViewMatchesPostgres(DAY_1);
        BatchExport export = new BatchExports(storage).latest().orElseThrow();
        assertThat(export.watermark()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(export.views()).containsOnlyKeys(BatchViews.names());
        assertThat(storage.list("views/exports/" + export.exportId() + "/")).hasSize(BatchViews.names().size());
        assertThat(export.views().get("order_line_sales").rows())
                .isEqualTo(count("select count(*) from marts.fact_sales"));

        List<Map<String, Object>> before = snapshot();
        assertThat(operations.runPartition(DAY_1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theModelsOutputTheColumnsTheirCatalogsState() {
        // After a day extracted from PostgreSQL: staging's types are the extract's, the views' what serving loads.
        assertThat(ModelOutputColumns.stagingDifferences(warehouse)).isEmpty();
        assertThat(ModelOutputColumns.batchViewDifferences(warehouse)).isEmpty();
    }

    @Test
    @Order(3)
    void aFailedPartitionReportsItsFailingRowsAndRestartsToCompletion() throws Exception {
        // A line whose product does not exist anywhere: the fact's key cannot resolve, a data test must fail.
        source.update("""
                insert into history.order_details (id, order_id, product_id, quantity, regular_price, price, created_at,
                    updated_at, change_op, changed_at, change_seq)
                values (99, 3, 999, 1, 1.00, 1.00, '2026-03-02 09:00+00', '2026-03-02 09:00+00', 'I',
                    '2026-03-02 09:00+00', nextval('history.change_seq'))""");
        JobExecution failed = operations.runPartition(DAY_2);
        source.update("delete from history.order_details where id = 99");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Map<String, AssetStatus.AssetState> day2 = states(DAY_2);
        assertThat(day2.get("fact_sales").state()).isEqualTo(AssetStatus.State.CHECK_FAILED);
        assertThat(day2.get("fact_sales").checks()).filteredOn(c -> c.status() == CheckResult.Status.FAILED)
                .extracting(CheckResult::check).contains("not_null_fact_sales_product_sk");
        assertThat(day2.get(AssetGraph.EXPORT_BATCH_VIEWS).materialization().status())
                .isEqualTo(Materialization.Status.SKIPPED);
        assertThat(assets.watermark()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));

        JobExecution restarted = operations.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertDailyViewMatchesPostgres(DAY_2);
        assertThat(assets.watermark()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    @Order(4)
    void aParallelBackfillEqualsTheTruthForEveryDay() throws Exception {
        JobExecution backfill = operations.backfill(DAY_0, DAY_3);

        assertThat(backfill.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(operations.progress(backfill).completed()).isEqualTo(4);
        for (LocalDate day : List.of(DAY_1, DAY_2, DAY_3)) {
            assertDailyViewMatchesPostgres(day);
        }
        assertThat(assets.watermark()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        // Point in time: the day-2 order before the repricing pays 20.00, the one after 25.00.
        assertThat(count("select count(*) from marts.fact_sales f join marts.dim_products p on p.product_sk = f.product_sk "
                + "where f.order_id = 3 and p.price = 20.00")).isEqualTo(1);
        assertThat(count("select count(*) from marts.fact_sales f join marts.dim_products p on p.product_sk = f.product_sk "
                + "where f.order_id = 4 and p.product_id = 1 and p.price = 25.00")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void reExtractingADayPutsItsDownstreamOutOfSync() throws Exception {
        operations.runPartition(DAY_3);

        assertThat(operations.runPartition(DAY_3, "extract_orders").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Map<String, AssetStatus.AssetState> day3 = states(DAY_3);
        assertThat(day3.get("load_raw_orders").staleCauses()).containsExactly("extract_orders materialized after it");
        assertThat(day3.get("stg_orders").staleCauses()).containsExactly("load_raw_orders is out of sync");
        assertThat(day3.get("fact_sales").outOfSync()).isTrue();
        assertThat(day3.get(AssetGraph.EXPORT_BATCH_VIEWS).outOfSync()).isTrue();
        assertThat(day3.get("extract_orders").outOfSync()).isFalse();
        assertThat(day3.get("load_raw_customers").outOfSync()).isFalse();
        assertThat(day3.get("dim_customers").outOfSync()).isFalse();
    }

    @Test
    @Order(6)
    void aDeleteAndALateOrderWrittenOnALaterDayCorrectTheDayTheyBelongTo() throws Exception {
        long before = truth("select max(change_seq) from history.orders");
        // Order 2 of day 1 is cancelled, and an order dated day 1 arrives late (a backdated import).
        source.execute("""
                delete from order_details where order_id = 2;
                delete from orders where id = 2;
                insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at)
                values (6, 2, 1, null, 9.00, '2026-03-01 12:00+00', '2026-03-01 12:00+00');
                insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at)
                values (8, 6, 2, 2, 4.50, 4.50, '2026-03-01 12:00+00', '2026-03-01 12:00+00');""");
        // The trigger stamped these changes with the real clock: date them as if written on day 3.
        for (String table : List.of("orders", "order_details")) {
            source.update("update history." + table + " set recorded_at = '2026-03-03 20:00+00', "
                    + "changed_at = case when change_op = 'D' then '2026-03-03 20:00+00' else changed_at end "
                    + "where change_seq > ?", before);
        }
        BigDecimal dayOneBefore = dailySales(DAY_1);

        assertThat(operations.runPartition(DAY_3).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertDailyViewMatchesPostgres(DAY_1);
        assertThat(dailySales(DAY_1)).isEqualByComparingTo(dayOneBefore.subtract(new BigDecimal("54.00")).add(new BigDecimal("9.00")));
        assertThat(count("select count(*) from marts.fact_sales where order_id = 2 and is_deleted")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aBackfillLongerThanTheLimitOrReversedIsRefusedBeforeAnythingRuns() {
        long executions = jobRepository.queryForObject("select count(*) from batch_job_execution", Long.class);

        assertThatThrownBy(() -> operations.backfillInBackground(DAY_3.minusDays(400), DAY_3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes at most 400 days");
        assertThatThrownBy(() -> operations.backfillInBackground(LocalDate.of(1, 1, 1), DAY_3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes at most 400 days");
        assertThatThrownBy(() -> operations.backfillInBackground(DAY_3, DAY_1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after");

        assertThat(jobRepository.queryForObject("select count(*) from batch_job_execution", Long.class))
                .isEqualTo(executions);
    }

    private Map<String, AssetStatus.AssetState> states(LocalDate day) {
        Map<String, AssetStatus.AssetState> states = new java.util.HashMap<>();
        status.between(day, day).get(0).assets().forEach(a -> states.put(a.asset(), a));
        return states;
    }

    private BigDecimal dailySales(LocalDate day) {
        return new BigDecimal(warehouse.query("select extended_sales_amount from marts.agg_daily_sales where sales_date = date '"
                + day + "'", 1).rows().get(0).get("extended_sales_amount").toString());
    }

    private void assertDailyViewMatchesPostgres(LocalDate day) {
        Map<String, Object> truth = source.queryForMap("""
                select count(distinct o.id) as orders, sum(d.quantity) as quantity, sum(d.quantity * d.price) as sales
                from orders o join order_details d on d.order_id = o.id
                where o.created_at >= ?::date and o.created_at < ?::date + 1""", day.toString(), day.toString());
        QueryResult view = warehouse.query("select order_count, sales_quantity, extended_sales_amount "
                + "from marts.agg_daily_sales where sales_date = date '" + day + "'", 2);
        assertThat(view.rows()).hasSize(1);
        Map<String, Object> row = view.rows().get(0);
        assertThat(((Number) row.get("order_count")).longValue()).isEqualTo(((Number) truth.get("orders")).longValue());
        assertThat(((Number) row.get("sales_quantity")).longValue()).isEqualTo(((Number) truth.get("quantity")).longValue());
        assertThat(new BigDecimal(row.get("extended_sales_amount").toString()))
                .isEqualByComparingTo((BigDecimal) truth.get("sales"));
    }

    private List<Map<String, Object>> snapshot() {
        return warehouse.query("select * from marts.fact_sales order by order_line_id", 10_000).rows();
    }

    private long count(String sql) {
        return ((Number) warehouse.query(sql, 1).rows().get(0).values().iterator().next()).longValue();
    }

    private static long truth(String sql) {
        return source.queryForObject(sql, Long.class);
    }
}
