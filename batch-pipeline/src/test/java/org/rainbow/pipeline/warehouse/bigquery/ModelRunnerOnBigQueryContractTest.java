package org.rainbow.pipeline.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.model.Materialization;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.RunReport;
import org.rainbow.pipeline.model.RunRequest;
import org.rainbow.pipeline.model.SqlProjectLoader;
import org.rainbow.pipeline.warehouse.bigquery.FakeBigQueryServer.Answer;
import org.rainbow.pipeline.warehouse.bigquery.FakeBigQueryServer.Request;

/** The model runner driving the BigQuery adapter: the jobs a first build and an incremental run send. */
class ModelRunnerOnBigQueryContractTest {

    private FakeBigQueryServer server;
    private ModelRunner runner;

    @BeforeEach
    void start() throws IOException {
        server = new FakeBigQueryServer();
        server.answer(new Answer("select count(*) as n", List.<String[]>of(new String[] {"n", "INTEGER"}),
                List.of(List.of("0")), 0));
        server.answer(new Answer("merge into", List.of(), List.of(), 2));
        runner = new ModelRunner(new BigQueryWarehouse(server.client("rainbow-prod"), "EU"),
                new SqlProjectLoader().load(SqlProjectLoader.BUNDLED));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> statements() {
        return server.queries().stream()
                .filter(sql -> !sql.startsWith("select count(*)"))
                .map(sql -> sql.substring(0, sql.indexOf('\n')))
                .toList();
    }

    private List<String> createdDatasets() {
        return server.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/datasets"))
                .map(Request::json).map(d -> d.getAsJsonObject("datasetReference").get("datasetId").getAsString())
                .toList();
    }

    @Test
    void firstBuildCreatesDatasetsViewsAndTablesThenRunsTheTests() {
        RunReport report = runner.run(RunRequest.select("+dim_customers"));

        assertThat(report.succeeded()).as(report.format()).isTrue();
        assertThat(createdDatasets()).containsExactly("staging", "marts");
        assertThat(statements()).containsExactly(
                "create or replace view `rainbow-prod.staging.stg_customers` as",
                "create or replace table `rainbow-prod.marts.dim_customers` as");
        assertThat(report.result("dim_customers").orElseThrow().testsPassed()).isEqualTo(5);
    }

    @Test
    void independentModelsBuildInParallelButNeverBeforeTheirParents() {
        RunReport report = runner.run(RunRequest.all());

        assertThat(report.succeeded()).as(report.format()).isTrue();
        assertThat(report.models()).hasSize(27);
        List<String> order = statements().stream().map(s -> s.replaceFirst("^.*\\.([a-z_]+)`.*$", "$1")).toList();
        assertThat(order).hasSize(27);
        assertThat(order.indexOf("stg_customers")).isLessThan(order.indexOf("dim_customers"));
        assertThat(order.indexOf("dim_customers")).isLessThan(order.indexOf("fact_sales"));
        assertThat(order.indexOf("dim_products")).isLessThan(order.indexOf("fact_sales"));
        assertThat(order.indexOf("fact_sales")).isLessThan(order.indexOf("order_line_sales"));
        assertThat(order.indexOf("order_line_sales")).isLessThan(order.indexOf("agg_daily_sales"));
        assertThat(order.indexOf("dim_dates")).isLessThan(order.indexOf("agg_daily_sales"));
    }

    @Test
    void incrementalModelsMergeIntoTheirExistingTable() {
        server.dataset("staging");
        server.dataset("marts");
        server.table("marts", "dim_customers", 5, "customer_sk", "customer_id", "email");

        RunReport report = runner.run(RunRequest.select("+dim_customers"));

        assertThat(report.result("dim_customers").orElseThrow().materialization()).isEqualTo(Materialization.INCREMENTAL);
        assertThat(report.result("dim_customers").orElseThrow().rows()).isEqualTo(2);
        assertThat(createdDatasets()).isEmpty();
        assertThat(statements()).containsExactly(
                "create or replace view `rainbow-prod.staging.stg_customers` as",
                "merge into `rainbow-prod.marts.dim_customers` as merge_target");
        JsonObject merge = server.requests().stream()
                .filter(r -> r.method().equals("POST") && r.body().contains("merge into")).findFirst().orElseThrow().json();
        assertThat(merge.getAsJsonObject("configuration").getAsJsonObject("query").get("query").getAsString())
                .contains("not exists (\n        select 1 from `rainbow-prod.marts.dim_customers` as dim");
    }
}
