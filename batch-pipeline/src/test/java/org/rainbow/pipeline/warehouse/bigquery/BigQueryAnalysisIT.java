package org.rainbow.pipeline.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLType.TypeKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.rainbow.contracts.source.RawLoadColumns;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.pipeline.extract.ExtractedPartition;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.extract.TableExtractor;
import org.rainbow.pipeline.model.JinjaRenderer;
import org.rainbow.pipeline.model.Materialization;
import org.rainbow.pipeline.model.ModelGraph;
import org.rainbow.pipeline.model.ProjectEdits;
import org.rainbow.pipeline.model.ProjectParser;
import org.rainbow.pipeline.model.SqlProject;
import org.rainbow.pipeline.model.SqlProjectLoader;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.bigquery.BigQueryPipelineAnalysis.Analyzed;
import org.rainbow.pipeline.warehouse.bigquery.BigQueryPipelineAnalysis.Rejection;
import org.rainbow.pipeline.warehouse.bigquery.BigQuerySqlAnalyzer.Column;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.local.LocalObjectStorage;

/**
 * The BigQuery path checked by BigQuery's own SQL front end (ZetaSQL), offline. The raw tables are typed as the
 * pipeline lands them: the extract of rainbow-api's schema from a real PostgreSQL, as Parquet, through BigQuery's
 * Parquet load conversions and the adapter's load script. Then every statement the pipeline would send BigQuery
 * for the bundled warehouse-sql project is resolved in order. Names, functions and types are checked, not
 * results: nothing here runs on BigQuery.
 */
class BigQueryAnalysisIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final Pattern POSITION = Pattern.compile("\\[at (\\d+):(\\d+)]");

    /** Each raw table's extract as BigQuery's load job types it. */
    private static final Map<String, List<Column>> EXTRACTS = new LinkedHashMap<>();

    @TempDir
    static Path work;

    private static SqlProject project;
    private static BigQueryPipelineAnalysis bundled;
    private static Map<String, List<Column>> exports;

    @BeforeAll
    static void analyzeTheBundledProjectOverAnEmptyDaysExtract() throws Exception {
        String url = PostgresFixture.freshDatabase("rainbow_bigquery_analysis_it");
        LocalPostgres postgres = PostgresFixture.shared();
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(postgres.user());
        source.setPassword(postgres.password());
        LocalObjectStorage storage = new LocalObjectStorage(work.resolve("bucket"));
        TableExtractor extractor = new TableExtractor(source, storage, work.resolve("tmp"));
        for (String table : RawTables.ALL) {
            // A day without changes still gets a file: the extract's schema, which is what a load job types.
            ExtractedPartition partition = extractor.extract(table, DAY);
            EXTRACTS.put(table, ParquetLoadSchema.of(Path.of(storage.uri(partition.key()))));
        }
        project = new SqlProjectLoader().load(SqlProjectLoader.BUNDLED);
        bundled = analyze(project);
        exports = bundled.exportBatchViews();
        bundled.fingerprintMarts();
    }

    @AfterAll
    static void stop() {
        if (bundled != null) {
            bundled.close();
        }
    }

    @Test
    void everyStatementThePipelineSendsBigQueryResolves() {
        assertThat(bundled.rejections()).as(() -> bundled.rejections().stream().map(Rejection::toString)
                .collect(Collectors.joining("\n\n", "BigQuery would reject:\n", ""))).isEmpty();

        ModelGraph graph = new ProjectParser(new JinjaRenderer(project.macros())).parse(project, "bigquery", Map.of());
        List<String> expected = new ArrayList<>();
        RawTables.ALL.forEach(table -> expected.add("raw load of " + table));
        graph.models().forEach(model -> expected.add("model " + model.name()));
        graph.tests().forEach(test -> expected.add("data test " + test.name()));
        graph.models().stream().filter(m -> m.config().materialized() == Materialization.INCREMENTAL)
                .forEach(model -> expected.add("model " + model.name() + " (incremental run)"));
        BatchViews.names().forEach(view -> expected.add("export of " + view));
        graph.models().stream().filter(m -> m.relation().schema().equals("marts"))
                .forEach(mart -> expected.add("fingerprint of " + mart.name()));
        assertThat(bundled.analyzed().stream().map(Analyzed::subject).distinct()).containsExactlyElementsOf(expected);
        assertThat(expected).contains("data test assert_consistent_total_sales", "data test not_null_dim_customers_email",
                "data test relationships_fact_sales_customer_sk", "data test scd2_windows_dim_products_product_id");
        assertThat(bundled.analyzed()).filteredOn(a -> a.subject().endsWith("(incremental run)"))
                .extracting(Analyzed::statement).hasSize(3).allMatch(statement -> statement.startsWith("merge into "));
        assertThat(bundled.analyzed()).filteredOn(a -> a.subject().startsWith("export of "))
                .extracting(Analyzed::statement).contains("export data options (uri = "
                        + "'gs://rainbow-views/views/exports/20261101T000000000Z/agg_daily_sales/part-*.parquet', "
                        + "format = 'PARQUET', overwrite = true) as");
    }

    @Test
    void aRawTableIsItsExtractPlusTheTwoLoadColumns() {
        for (String table : RawTables.ALL) {
            List<String> expected = new ArrayList<>(typed(EXTRACTS.get(table)));
            expected.addAll(List.of(RawLoadColumns.PARTITION_DATE + " DATE", RawLoadColumns.LOADED_AT + " TIMESTAMP"));
            assertThat(typed(bundled.columns(new Relation("raw", table)))).as(table).containsExactlyElementsOf(expected);
        }
        assertThat(typed(EXTRACTS.get("order_details"))).contains("quantity INT64", "price NUMERIC",
                "updated_at TIMESTAMP", "change_op STRING");
    }

    @Test
    void rawTablesKeepTimestampsWhenALoadJobTypesTheExtractsTimestampsDatetime() throws Exception {
        Type datetime = TypeFactory.createSimpleType(TypeKind.TYPE_DATETIME);

        try (BigQueryPipelineAnalysis analysis = new BigQueryPipelineAnalysis(project)) {
            EXTRACTS.forEach((table, columns) -> analysis.loadRaw(table, columns.stream()
                    .map(c -> c.typeName().equals("TIMESTAMP") ? new Column(c.name(), datetime) : c).toList(), DAY));

            assertThat(analysis.rejections()).isEmpty();
            for (String table : RawTables.ALL) {
                Relation raw = new Relation("raw", table);
                assertThat(typed(analysis.columns(raw))).as(table).containsExactlyElementsOf(typed(bundled.columns(raw)));
            }
        }
    }

    @Test
    void theBatchViewsExportTheColumnsAndTypesServingLoads() {
        assertThat(exports).containsOnlyKeys(BatchViews.names());
        for (BatchViews.View view : BatchViews.ALL) {
            List<String> served = view.columns().stream().map(c -> c.name() + " " + bigQueryType(c.type())).toList();
            assertThat(typed(exports.get(view.name()))).as(view.name()).containsExactlyElementsOf(served);
        }
    }

    @Test
    void aDuckDbOnlyCastFailsNamingTheModelAndThePosition() throws Exception {
        SqlProject broken = withModel("fact_sales", sql -> sql.replace("l.status as order_status",
                "l.status::varchar as order_status"));

        try (BigQueryPipelineAnalysis analysis = analyze(broken)) {
            assertThat(analysis.rejections()).singleElement().satisfies(rejection -> {
                assertThat(rejection.subject()).isEqualTo("model fact_sales");
                assertThat(rejection.statement()).isEqualTo("create or replace table `rainbow-prod.marts.fact_sales` as");
                assertThat(rejection.reason()).startsWith("Syntax error").contains("l.status::varchar as order_status");
                assertThat(atPosition(rejection)).startsWith("::varchar");
            });
            // Its descendants are left out rather than reported again; the rest of the project still resolves.
            assertThat(analysis.analyzed()).extracting(Analyzed::subject)
                    .contains("model dim_customers", "model dim_dates")
                    .doesNotContain("model agg_daily_sales", "data test assert_consistent_total_sales");
        }
    }

    @Test
    void anUnknownColumnFailsNamingTheModelAndThePosition() throws Exception {
        SqlProject broken = withModel("stg_orders", sql -> sql.replace("promotion_id, status,", "promotion_id, state,"));

        try (BigQueryPipelineAnalysis analysis = analyze(broken)) {
            assertThat(analysis.rejections()).singleElement().satisfies(rejection -> {
                assertThat(rejection.subject()).isEqualTo("model stg_orders");
                assertThat(rejection.statement()).isEqualTo("create or replace view `rainbow-prod.staging.stg_orders` as");
                assertThat(rejection.reason()).startsWith("Unrecognized name: state");
                assertThat(atPosition(rejection)).startsWith("state,");
            });
        }
    }

    private static BigQueryPipelineAnalysis analyze(SqlProject sqlProject) throws Exception {
        BigQueryPipelineAnalysis analysis = new BigQueryPipelineAnalysis(sqlProject);
        EXTRACTS.forEach((table, columns) -> analysis.loadRaw(table, columns, DAY));
        analysis.buildModels();
        return analysis;
    }

    private static SqlProject withModel(String name, UnaryOperator<String> edit) {
        return ProjectEdits.withModel(project, name, edit);
    }

    /** The SQL from where ZetaSQL's reported position points, on that line. */
    private static String atPosition(Rejection rejection) {
        Matcher position = POSITION.matcher(rejection.reason());
        assertThat(position.find()).as(rejection.reason()).isTrue();
        String line = rejection.sql().lines().toList().get(Integer.parseInt(position.group(1)) - 1);
        return line.substring(Integer.parseInt(position.group(2)) - 1);
    }

    private static List<String> typed(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " " + c.typeName()).toList();
    }

    /** The BigQuery type whose Parquet export a serving store loads as {@code type}. */
    private static String bigQueryType(BatchViews.Type type) {
        return switch (type) {
            case TEXT -> "STRING";
            case DATE -> "DATE";
            case BIGINT -> "INT64";
            case MONEY -> "NUMERIC";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }
}
