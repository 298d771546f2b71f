package org.rainbow.pipeline.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rainbow.pipeline.partition.PartitionOperations;
import org.rainbow.pipeline.partition.PipelineEngines;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.pipeline.model.SqlProjectLoader;
import org.rainbow.storage.export.BatchViews;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every model an asset and every data test a check, per partition, on real engines (PostgreSQL source and job
 * repository, Parquet on disk, DuckDB): what a run records, how re-materializing a selection puts its downstream
 * out of sync and back, how a bad row fails one check and skips exactly what is downstream of its model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false",
        "rainbow.pipeline.grid-size=2",
        "rainbow.security.token=model-assets-it-token-0123456789"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelAssetsIT {

    private static final LocalDate DAY_0 = LocalDate.of(2026, 2, 28);
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY_3 = LocalDate.of(2026, 3, 3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JdbcTemplate source;

    @Autowired
    private PartitionOperations operations;
    @Autowired
    private AssetStatus status;
    @Autowired
    private AssetGraph graph;
    @Autowired
    private ObjectStorage storage;
    @Autowired
    private JsonMapper json;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        source = PipelineEngines.register(registry, "model_assets_it", "/partition/three-days.sql");
    }

    @Test
    @Order(1)
    void aPartitionRecordsOneMaterializationPerModelAndOneResultPerDataTest() throws Exception {
        assertThat(operations.backfill(DAY_0, DAY_2).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Map<String, AssetStatus.AssetState> day1 = states(DAY_1);
        assertThat(day1.keySet()).containsExactlyInAnyOrderElementsOf(
                graph.nodes().stream().map(AssetNode::name).toList());
        int checks = 0;
        for (AssetNode node : graph.nodes()) {
            AssetStatus.AssetState state = day1.get(node.name());
            assertThat(state.state()).as(node.name()).isEqualTo(AssetStatus.State.OK);
            assertThat(state.materialization().kind()).isEqualTo(node.kind());
            assertThat(state.checks()).as(node.name()).extracting(CheckResult::check)
                    .containsExactlyInAnyOrderElementsOf(node.checks());
            assertThat(state.checks()).allMatch(c -> c.status() == CheckResult.Status.PASSED && c.failingRows() == 0);
            checks += state.checks().size();
        }
        assertThat(checks).as("every data test of the project, singular and generic")
                .isEqualTo(new SqlProjectLoader().load(SqlProjectLoader.BUNDLED).tests().size());
        // Day 1 brings the first three order lines: the incremental fact inserts them.
        assertThat(day1.get("fact_sales").materialization()).satisfies(m -> {
            assertThat(m.kind()).isEqualTo(AssetKind.INCREMENTAL);
            assertThat(m.inserted()).isEqualTo(3);
            assertThat(m.updated()).isZero();
        });
        assertThat(day1.get("agg_daily_sales").materialization().rows()).isEqualTo(1);

        JsonNode api = get("/api/v1/assets?from=" + DAY_0 + "&to=" + DAY_2);
        assertThat(api.get("watermark").asString()).isEqualTo("2026-03-03T00:00:00Z");
        for (JsonNode partition : api.get("partitions")) {
            Set<String> names = new TreeSet<>();
            for (JsonNode asset : partition.get("assets")) {
                names.add(asset.get("asset").asString());
                asset.get("checks").forEach(c -> names.add(c.get("check").asString()));
            }
            assertThat(names).contains("fact_sales", "dim_customers", "dim_products", "dim_sellers", "dim_promotions",
                    "dim_payments", "dim_dates", "assert_consistent_total_sales");
        }
        JsonNode fact = get("/api/v1/assets/fact_sales?from=" + DAY_1 + "&to=" + DAY_2);
        assertThat(fact.get("compiledSql").get("fact_sales").asString()).contains("merged.order_line_id = line.id");
        assertThat(fact.get("compiledSql").get("assert_consistent_total_sales").asString()).contains("source_total");
    }

    @Test
    @Order(2)
    void reMaterializingDimProductsPutsItsDownstreamOutOfSyncAndDimProductsPlusBringsItBack() throws Exception {
        String exportBefore = new BatchExports(storage).latest().orElseThrow().exportId();

        assertThat(operations.runPartition(DAY_2, "dim_products").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Map<String, AssetStatus.AssetState> day2 = states(DAY_2);
        assertThat(day2.get("fact_sales").staleCauses()).containsExactly("dim_products materialized after it");
        List<String> downstream = graph.downstreamOf("dim_products");
        for (String view : BatchViews.names()) {
            assertThat(day2.get(view).state()).as(view).isEqualTo(downstream.contains(view)
                    ? AssetStatus.State.OUT_OF_SYNC : AssetStatus.State.OK);
        }
        assertThat(downstream).contains("agg_daily_sales", "agg_daily_product_sales", "order_line_sales")
                .doesNotContain("seller_versions");
        assertThat(day2.get(AssetGraph.EXPORT_BATCH_VIEWS).outOfSync()).isTrue();
        assertThat(day2.get("dim_products").outOfSync()).isFalse();
        assertThat(day2.get("dim_customers").outOfSync()).isFalse();
        assertThat(new BatchExports(storage).latest().orElseThrow().exportId()).isEqualTo(exportBefore);

        assertThat(operations.runPartition(DAY_2, "dim_products+").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(states(DAY_2).values()).allSatisfy(a -> assertThat(a.state()).as(a.asset())
                .isEqualTo(AssetStatus.State.OK));
        assertThat(new BatchExports(storage).latest().orElseThrow().exportId()).isNotEqualTo(exportBefore);
    }

    @Test
    @Order(3)
    void aBadRowFailsExactlyItsCheckOnItsModelAndSkipsExactlyItsDownstream() throws Exception {
        // A promotion of a kind that does not exist, recorded on day 3: only dim_promotions' accepted_values fails.
        source.update("""
                insert into history.promotions (id, name, discount_type, discount_value, start_date, end_date,
                    usage_count, created_at, updated_at, change_op, changed_at, change_seq)
                values (7, 'Buy one get one', 'BOGUS', 50, '2026-03-03', '2026-03-31', 0, '2026-03-03 09:00+00',
                    '2026-03-03 09:00+00', 'I', '2026-03-03 09:00+00', nextval('history.change_seq'))""");

        assertThat(operations.runPartition(DAY_3).getStatus()).isEqualTo(BatchStatus.FAILED);

        Map<String, AssetStatus.AssetState> day3 = states(DAY_3);
        List<CheckResult> failed = day3.values().stream().flatMap(a -> a.checks().stream())
                .filter(c -> c.status() != CheckResult.Status.PASSED).toList();
        assertThat(failed).singleElement().satisfies(check -> {
            assertThat(check.check()).isEqualTo("accepted_values_dim_promotions_discount_type");
            assertThat(check.asset()).isEqualTo("dim_promotions");
            assertThat(check.failingRows()).isEqualTo(1);
        });
        assertThat(day3.get("dim_promotions").state()).isEqualTo(AssetStatus.State.CHECK_FAILED);
        Set<String> skipped = day3.values().stream()
                .filter(a -> a.materialization().status() == Materialization.Status.SKIPPED)
                .map(AssetStatus.AssetState::asset).collect(Collectors.toSet());
        assertThat(skipped).containsExactlyInAnyOrderElementsOf(graph.downstreamOf("dim_promotions"));
        assertThat(day3.get("fact_sales").materialization().message())
                .isEqualTo("skipped: check accepted_values_dim_promotions_discount_type on dim_promotions failed");
        assertThat(day3.values()).filteredOn(a -> !skipped.contains(a.asset()) && !a.asset().equals("dim_promotions"))
                .allSatisfy(a -> assertThat(a.state()).as(a.asset()).isEqualTo(AssetStatus.State.OK));

        JsonNode promotions = get("/api/v1/assets/dim_promotions?from=" + DAY_3 + "&to=" + DAY_3);
        JsonNode check = promotions.get("partitions").get(0).get("checks").valueStream()
                .filter(c -> c.get("check").asString().equals("accepted_values_dim_promotions_discount_type"))
                .findFirst().orElseThrow();
        assertThat(check.get("status").asString()).isEqualTo("FAILED");
        assertThat(check.get("sample").get(0).get("unexpected_value").asString()).isEqualTo("BOGUS");

        source.update("delete from history.promotions where id = 7");
        assertThat(operations.runPartition(DAY_3).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(states(DAY_3).values()).allSatisfy(a -> assertThat(a.state()).as(a.asset())
                .isEqualTo(AssetStatus.State.OK));
    }

    private Map<String, AssetStatus.AssetState> states(LocalDate day) {
        Map<String, AssetStatus.AssetState> states = new HashMap<>();
        status.between(day, day).get(0).assets().forEach(a -> states.put(a.asset(), a));
        return states;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
