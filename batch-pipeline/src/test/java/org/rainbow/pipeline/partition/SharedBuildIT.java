package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetKind;
import org.rainbow.pipeline.asset.AssetNode;
import org.rainbow.pipeline.asset.AssetStatus;
import org.rainbow.pipeline.asset.CheckResult;
import org.rainbow.pipeline.asset.Materialization;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two days of a backfill where the later one loads before the earlier one builds (as happens two at a time): the
 * earlier day's build takes the later day in, records the later day's models and checks as its own run's, and the
 * later day's build step then runs no model again; the warehouse holds the later day's sales all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false"})
class SharedBuildIT {

    private static final LocalDate DAY_0 = LocalDate.of(2026, 2, 28);
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 1);

    private static JdbcTemplate source;

    @Autowired
    private PartitionAssets assets;
    @Autowired
    private AssetGraph graph;
    @Autowired
    private AssetStatus status;
    @Autowired
    private Warehouse warehouse;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        source = PipelineEngines.register(registry, "shared_build_it", "/partition/three-days.sql");
    }

    @Test
    void aBuildTakesInADayLoadedBeforeItAndTheDaysOwnBuildRunsNoModelAgain() {
        PartitionRun day0 = new PartitionRun(DAY_0, 100, graph.select(null));
        PartitionRun day1 = new PartitionRun(DAY_1, 101, graph.select(null));
        for (PartitionRun run : List.of(day0, day1)) {
            RawTables.ALL.forEach(table -> assets.extract(table, run));
        }
        for (PartitionRun run : List.of(day0, day1)) {
            RawTables.ALL.forEach(table -> assets.loadRaw(table, run));
        }

        assets.buildModels(day0);
        List<String> models = graph.nodes().stream().filter(n -> n.kind().isModel()).map(AssetNode::name).toList();
        AssetStatus.RunRecords built = status.ofRun(100);
        assertThat(built.materializations()).filteredOn(m -> m.partition().equals(DAY_1))
                .extracting(Materialization::asset).containsExactlyInAnyOrderElementsOf(models);
        assertThat(built.checks()).filteredOn(c -> c.partition().equals(DAY_1))
                .hasSameSizeAs(built.checks().stream().filter(c -> c.partition().equals(DAY_0)).toList())
                .isNotEmpty()
                .allMatch(c -> c.status() == CheckResult.Status.PASSED);

        assets.buildModels(day1);
        assertThat(status.ofRun(101).materializations()).extracting(Materialization::kind)
                .allMatch(kind -> kind == AssetKind.EXTRACT || kind == AssetKind.LOAD);
        assertThat(status.between(DAY_1, DAY_1).get(0).assets()).filteredOn(a -> models.contains(a.asset()))
                .hasSize(models.size())
                .allMatch(a -> a.state() == AssetStatus.State.OK);

        Map<String, Object> truth = source.queryForMap("""
                select count(distinct o.id) as orders, sum(d.quantity * d.price) as sales
                from orders o join order_details d on d.order_id = o.id
                where o.created_at >= ?::date and o.created_at < ?::date + 1""", DAY_1.toString(), DAY_1.toString());
        Map<String, Object> view = warehouse.query("select order_count, extended_sales_amount from marts.agg_daily_sales "
                + "where sales_date = date '" + DAY_1 + "'", 2).rows().get(0);
        assertThat(((Number) view.get("order_count")).longValue()).isEqualTo(((Number) truth.get("orders")).longValue());
        assertThat(new BigDecimal(view.get("extended_sales_amount").toString()))
                .isEqualByComparingTo((BigDecimal) truth.get("sales"));
    }
}
