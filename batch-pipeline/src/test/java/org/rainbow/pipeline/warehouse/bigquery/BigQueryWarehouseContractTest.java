package org.rainbow.pipeline.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.warehouse.ExportedObjects;
import org.rainbow.pipeline.warehouse.MergedRows;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.bigquery.FakeBigQueryServer.Answer;
import org.rainbow.pipeline.warehouse.bigquery.FakeBigQueryServer.Request;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.gcs.GcsObjectStorage;
import org.rainbow.storage.local.LocalObjectStorage;

/**
 * The BigQuery adapter's requests against a local stand-in of the REST API (no BigQuery runs here):
 * dataset creation, query jobs for DDL and MERGE, load jobs from gs:// Parquet, query results.
 */
class BigQueryWarehouseContractTest {

    private FakeBigQueryServer server;
    private BigQueryWarehouse warehouse;

    @BeforeEach
    void start() throws IOException {
        server = new FakeBigQueryServer();
        warehouse = new BigQueryWarehouse(server.client("rainbow-test"), "EU");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonObject> jobs() {
        return server.jobs();
    }

    private static String sql(JsonObject job) {
        return job.getAsJsonObject("configuration").getAsJsonObject("query").get("query").getAsString();
    }

    @Test
    void createsAMissingDatasetInTheConfiguredLocationOnce() {
        warehouse.createSchemaIfAbsent("marts");
        warehouse.createSchemaIfAbsent("marts");

        List<Request> creates = server.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/projects/rainbow-test/datasets")).toList();
        assertThat(creates).singleElement().satisfies(r -> {
            assertThat(r.json().getAsJsonObject("datasetReference").get("datasetId").getAsString()).isEqualTo("marts");
            assertThat(r.json().get("location").getAsString()).isEqualTo("EU");
        });
    }

    @Test
    void tablesAndViewsAreStandardSqlQueryJobsInTheLocation() {
        server.table("marts", "dim_dates", 5844, "date_key");

        long rows = warehouse.replaceTable(new Relation("marts", "dim_dates"), "select 1 as date_key");
        warehouse.replaceView(new Relation("staging", "stg_orders"), "select 1 as id");

        assertThat(rows).isEqualTo(5844);
        assertThat(jobs()).extracting(BigQueryWarehouseContractTest::sql).containsExactly(
                "create or replace table `rainbow-test.marts.dim_dates` as\nselect 1 as date_key",
                "create or replace view `rainbow-test.staging.stg_orders` as\nselect 1 as id");
        assertThat(jobs()).allSatisfy(job -> {
            assertThat(job.getAsJsonObject("configuration").getAsJsonObject("query").get("useLegacySql").getAsBoolean())
                    .isFalse();
            assertThat(job.getAsJsonObject("jobReference").get("location").getAsString()).isEqualTo("EU");
        });
    }

    @Test
    void mergeUpdatesEveryColumnOfTheTargetOnItsKeyInOneDmlStatement() {
        server.table("marts", "fact_sales", 10, "order_line_id", "sales_quantity", "extended_sales_amount");
        server.answer(new Answer("merge into", List.of(), List.of(), 4));

        MergedRows merged = warehouse.merge(new Relation("marts", "fact_sales"),
                "select 1 as order_line_id, 2 as sales_quantity, 3.5 as extended_sales_amount", List.of("order_line_id"));

        assertThat(merged).isEqualTo(new MergedRows(4, 0));
        String merge = sql(jobs().get(0));
        assertThat(merge).startsWith("merge into `rainbow-test.marts.fact_sales` as merge_target")
                .contains("on merge_target.`order_line_id` = merge_source.`order_line_id`")
                .contains("when matched then update set `sales_quantity` = merge_source.`sales_quantity`, "
                        + "`extended_sales_amount` = merge_source.`extended_sales_amount`")
                .contains("when not matched then insert (`order_line_id`, `sales_quantity`, `extended_sales_amount`)");
    }

    @Test
    void parquetPartitionIsALoadJobFromGcsThenATransactionReplacingTheDay() {
        long loaded = warehouse.loadParquetPartition(new Relation("raw", "orders"),
                "gs://rainbow-raw/raw/orders/dt=2026-11-01/*.parquet", LocalDate.of(2026, 11, 1));

        assertThat(loaded).isEqualTo(3);
        List<JsonObject> jobs = jobs();
        JsonObject load = jobs.get(0).getAsJsonObject("configuration").getAsJsonObject("load");
        assertThat(load.getAsJsonArray("sourceUris").get(0).getAsString())
                .isEqualTo("gs://rainbow-raw/raw/orders/dt=2026-11-01/*.parquet");
        assertThat(load.get("sourceFormat").getAsString()).isEqualTo("PARQUET");
        assertThat(load.get("writeDisposition").getAsString()).isEqualTo("WRITE_TRUNCATE");
        assertThat(load.getAsJsonObject("destinationTable").get("tableId").getAsString()).isEqualTo("_load_orders_20261101");
        assertThat(sql(jobs.get(1)))
                .contains("create table if not exists `rainbow-test.raw.orders` partition by _partition_date")
                .contains("begin transaction;\ndelete from `rainbow-test.raw.orders` where _partition_date = date '2026-11-01';")
                .contains("insert into `rainbow-test.raw.orders`\nselect *, date '2026-11-01' as _partition_date, "
                        + "current_timestamp() as _loaded_at from `rainbow-test.raw._load_orders_20261101`")
                .endsWith("commit transaction;");
        assertThat(server.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).endsWith("/datasets/raw/tables/_load_orders_20261101");
        });
    }

    @Test
    void timestampsALoadJobTypedDatetimeLandAsTimestamps() {
        String uri = "gs://rainbow-raw/raw/orders/dt=2026-11-01/*.parquet";
        server.loads(uri, List.of(new String[] {"id", "INTEGER"}, new String[] {"created_at", "DATETIME"},
                new String[] {"updated_at", "DATETIME"}, new String[] {"total_amount", "NUMERIC"}));

        warehouse.loadParquetPartition(new Relation("raw", "orders"), uri, LocalDate.of(2026, 11, 1));

        assertThat(sql(jobs().get(1))).contains("insert into `rainbow-test.raw.orders`\nselect * replace "
                + "(timestamp(`created_at`) as `created_at`, timestamp(`updated_at`) as `updated_at`), "
                + "date '2026-11-01' as _partition_date");
    }

    @Test
    void batchViewsLeaveByExportDataIntoTheBucketAndTheFilesBigQueryWroteAreListed() throws Exception {
        // LocalStorageHelper is the GCS client library's own in-memory stand-in; the two files are what BigQuery
        // would have written there.
        ObjectStorage bucket = new GcsObjectStorage(LocalStorageHelper.getOptions().getService(), "rainbow-views");
        Path part = Files.writeString(Files.createTempFile("part", ".parquet"), "PAR1");
        bucket.put("views/exports/7/agg_daily_sales/part-000000000000.parquet", part);
        bucket.put("views/exports/7/agg_daily_sales/part-000000000001.parquet", part);
        server.answer(new Answer("count(*)", List.<String[]>of(new String[] {"n", "INTEGER"}), List.of(List.of("37")), 0));

        ExportedObjects exported = warehouse.exportParquet("select * from `rainbow-test.marts.agg_daily_sales`", bucket,
                "views/exports/7/agg_daily_sales/");

        assertThat(sql(jobs().get(0))).isEqualTo("export data options (uri = "
                + "'gs://rainbow-views/views/exports/7/agg_daily_sales/part-*.parquet', format = 'PARQUET', overwrite = true) as\n"
                + "select * from `rainbow-test.marts.agg_daily_sales`");
        assertThat(exported.keys()).containsExactly("views/exports/7/agg_daily_sales/part-000000000000.parquet",
                "views/exports/7/agg_daily_sales/part-000000000001.parquet");
        assertThat(exported.rows()).isEqualTo(37);
        assertThatThrownBy(() -> warehouse.exportParquet("select 1", new LocalObjectStorage(Files.createTempDirectory("views")),
                "views/")).hasMessageContaining("BigQuery exports to gs:// only");
    }

    @Test
    void queryResultsBecomeJavaValues() {
        server.answer(new Answer("from facts", List.of(new String[] {"n", "INTEGER"}, new String[] {"amount", "NUMERIC"},
                new String[] {"day", "DATE"}, new String[] {"at", "TIMESTAMP"}, new String[] {"ok", "BOOLEAN"},
                new String[] {"name", "STRING"}),
                List.of(List.of("7", "252.50", "2026-11-01", "1793523600.0", "true", "Lamp")), 0));

        List<Map<String, Object>> rows = warehouse.query("select * from facts", 10).rows();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("n")).isEqualTo(7L);
            assertThat(row.get("amount")).isEqualTo(new BigDecimal("252.50"));
            assertThat(row.get("day")).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2026, 11, 1, 9, 0));
            assertThat(row.get("ok")).isEqualTo(true);
            assertThat(row.get("name")).isEqualTo("Lamp");
        });
    }
}
