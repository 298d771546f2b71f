package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExports;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backfill from an empty warehouse, two days at a time (grid size 2, as on this 2-core machine): the master
 * data of day 0 must be in the warehouse before any later day builds, whichever day's extract finishes first
 * and in whatever order the days reach the executor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false",
        "rainbow.pipeline.grid-size=2"})
class BackfillIT {

    private static JdbcTemplate source;

    @Autowired
    private PartitionOperations operations;
    @Autowired
    private Warehouse warehouse;
    @Autowired
    private ObjectStorage storage;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        source = PipelineEngines.register(registry, "backfill_it", "/partition/three-days.sql");
        // A big day 0 (as the generator's seeding is): its extract ends well after the later days' extracts,
        // so without ordering their facts would be built before the products they sell exist.
        source.update("""
                insert into customers (id, first_name, last_name, email, city, created_at, updated_at)
                select 1000 + n, 'First' || n, 'Last' || n, 'c' || n || '@mail.example', 'Town',
                       '2026-02-28 09:00+00', '2026-02-28 09:00+00'
                from generate_series(1, 50000) as n""");
    }

    @Test
    void aParallelBackfillFromNothingBuildsEveryDayInOrderAndEqualsTheTruth() throws Exception {
        JobExecution backfill = operations.backfill(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 3));

        assertThat(backfill.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(operations.progress(backfill).completed()).isEqualTo(4);
        for (LocalDate day = LocalDate.of(2026, 3, 1); !day.isAfter(LocalDate.of(2026, 3, 3)); day = day.plusDays(1)) {
            Map<String, Object> truth = source.queryForMap("""
                    select count(distinct o.id) as orders, sum(d.quantity * d.price) as sales
                    from orders o join order_details d on d.order_id = o.id
                    where o.created_at >= ?::date and o.created_at < ?::date + 1""", day.toString(), day.toString());
            Map<String, Object> view = warehouse.query("select order_count, extended_sales_amount from marts.agg_daily_sales "
                    + "where sales_date = date '" + day + "'", 2).rows().get(0);
            assertThat(((Number) view.get("order_count")).longValue()).isEqualTo(((Number) truth.get("orders")).longValue());
            assertThat(new BigDecimal(view.get("extended_sales_amount").toString()))
                    .isEqualByComparingTo((BigDecimal) truth.get("sales"));
        }
        assertThat(new BatchExports(storage).latest().orElseThrow().watermark())
                .isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void aPartitionOfADayThatHasNotEndedIsRefused() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> operations.runPartition(today))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not ended");
        assertThatThrownBy(() -> operations.backfill(today.minusDays(3), today))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not ended");
    }
}
