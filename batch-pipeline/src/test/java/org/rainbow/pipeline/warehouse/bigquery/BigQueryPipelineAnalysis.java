package org.rainbow.pipeline.warehouse.bigquery;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.gson.JsonObject;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.model.DataTest;
import org.rainbow.pipeline.model.DataTestRunner;
import org.rainbow.pipeline.model.JinjaRenderer;
import org.rainbow.pipeline.model.Materialization;
import org.rainbow.pipeline.model.Model;
import org.rainbow.pipeline.model.ModelGraph;
import org.rainbow.pipeline.model.ModelMaterializer;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.ProjectParser;
import org.rainbow.pipeline.model.RunRequest;
import org.rainbow.pipeline.model.SqlProject;
import org.rainbow.pipeline.partition.PartitionAssets;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.bigquery.BigQuerySqlAnalyzer.Column;
import org.rainbow.pipeline.warehouse.bigquery.FakeBigQueryServer.Answer;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.gcs.GcsObjectStorage;

/**
 * The pipeline's own BigQuery code (the adapter, the model materializer, the data test runner, the export
 * query) driven against the REST stand-in, with every statement it sends analyzed by ZetaSQL in the order the
 * pipeline sends them: raw loads, every model's first build, the data tests, the incremental models' MERGE of a
 * later run (its other statements are the first run's again), the batch views' exports, the marts' fingerprints.
 * What a statement creates is known to the statements after it. Each rejection names what the statement belongs
 * to; the models, tests and exports reading a rejected model are left out rather than reported again.
 */
final class BigQueryPipelineAnalysis implements AutoCloseable {

    /** A statement ZetaSQL resolved: what it belongs to and its first line. */
    record Analyzed(String subject, String statement) {
    }

    /**
     * A statement ZetaSQL rejected: what it belongs to, the statement (its first line) in the SQL the pipeline
     * sent, and ZetaSQL's reason, whose position ([at line:column]) counts in {@code sql}.
     */
    record Rejection(String subject, String statement, String reason, String sql) {

        @Override
        public String toString() {
            return subject + ": " + statement + "\n" + reason.indent(4).stripTrailing();
        }
    }

    private static final String PROJECT = "rainbow-prod";
    private static final String EXPORT_ID = "20261101T000000000Z";

    private final FakeBigQueryServer server;
    private final BigQueryWarehouse warehouse;
    private final SqlProject project;
    private final ModelRunner runner;
    private final BigQuerySqlAnalyzer analyzer = new BigQuerySqlAnalyzer();
    private final List<Analyzed> analyzed = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<String> rejectedModels = new HashSet<>();

    BigQueryPipelineAnalysis(SqlProject project) throws IOException {
        server = new FakeBigQueryServer();
        // Every count the pipeline asks (a data test's failing rows, an export's or a fingerprint's rows) is 0.
        server.answer(new Answer("select count(*) as n", List.<String[]>of(new String[] {"n", "INTEGER"}),
                List.of(List.of("0")), 0));
        warehouse = new BigQueryWarehouse(server.client(PROJECT), "EU");
        this.project = project;
        this.runner = new ModelRunner(warehouse, project);
    }

    /**
     * Loads a raw partition the way the pipeline does: a load job of the extract's Parquet file into a scratch
     * table (with {@code parquetColumns}, as the load job types them), then the script that creates the raw
     * table and replaces the day's rows. The raw table is then known with the columns the script gave it.
     */
    void loadRaw(String table, List<Column> parquetColumns, LocalDate day) {
        String uri = "gs://rainbow-raw/" + RawTables.partitionPrefix(table, day) + "part-00000.parquet";
        server.loads(uri, parquetColumns.stream().map(c -> new String[] {c.name(), restType(c)}).toList());
        int before = server.queries().size();
        warehouse.loadParquetPartition(new Relation("raw", table), uri, day);
        JsonObject scratch = server.jobs().stream().map(job -> job.getAsJsonObject("configuration"))
                .filter(configuration -> configuration.has("load")).reduce((first, second) -> second).orElseThrow()
                .getAsJsonObject("load").getAsJsonObject("destinationTable");
        analyzer.declare(scratch.get("projectId").getAsString() + "." + scratch.get("datasetId").getAsString() + "."
                + scratch.get("tableId").getAsString(), parquetColumns);
        analyzeSent("raw load of " + table, before);
    }

    /**
     * Every model built as a first run builds it, in dependency order, then the data tests; then the
     * incremental models as a later run merges them into the tables the first run made.
     */
    void buildModels() {
        ModelGraph graph = new ProjectParser(new JinjaRenderer(project.macros())).parse(project, warehouse.type(),
                Map.of());
        Map<String, String> firstRun = runner.compile(RunRequest.all(), false);
        Map<String, String> laterRun = runner.compile(RunRequest.all(), true);
        ModelMaterializer materializer = new ModelMaterializer(warehouse);
        for (Model model : graph.models()) {
            if (readsRejected(model.parents())) {
                rejectedModels.add(model.name());
                continue;
            }
            int before = server.queries().size();
            materializer.materialize(model, firstRun.get(model.name()), false);
            if (analyzeSent("model " + model.name(), before).isEmpty()) {
                rejectedModels.add(model.name());
            }
        }
        DataTestRunner tests = new DataTestRunner(warehouse);
        for (DataTest test : graph.tests()) {
            if (!readsRejected(test.models())) {
                int before = server.queries().size();
                tests.run(test.name(), firstRun.get(test.name()));
                analyzeSent("data test " + test.name(), before);
            }
        }
        for (Model model : graph.models()) {
            if (model.config().materialized() == Materialization.INCREMENTAL && !rejectedModels.contains(model.name())) {
                Relation table = model.relation();
                server.table(table.schema(), table.name(), 0,
                        analyzer.columns(unquoted(table)).stream().map(Column::name).toArray(String[]::new));
                int before = server.queries().size();
                materializer.materialize(model, laterRun.get(model.name()), materializer.mergesIncrementally(model, false));
                analyzeSent("model " + model.name() + " (incremental run)", before);
            }
        }
    }

    /** Exports every batch view as the partition job does; returns each export's columns as BigQuery types them. */
    Map<String, List<Column>> exportBatchViews() {
        ObjectStorage bucket = new GcsObjectStorage(LocalStorageHelper.getOptions().getService(), "rainbow-views");
        Map<String, List<Column>> exported = new LinkedHashMap<>();
        for (String view : BatchViews.names()) {
            if (rejectedModels.contains(view)) {
                continue;
            }
            int before = server.queries().size();
            warehouse.exportParquet(PartitionAssets.exportQuery(warehouse, EXPORT_ID, view), bucket,
                    BatchExport.viewPrefix(EXPORT_ID, view));
            analyzeSent("export of " + view, before)
                    .ifPresent(resolved -> exported.put(view, BigQuerySqlAnalyzer.outputColumns(resolved.get(0))));
        }
        return exported;
    }

    /** Every mart's fingerprint, as the operators' fingerprint route reads it. */
    void fingerprintMarts() {
        for (Relation mart : runner.relations("marts")) {
            if (!rejectedModels.contains(mart.name())) {
                int before = server.queries().size();
                warehouse.fingerprint(mart);
                analyzeSent("fingerprint of " + mart.name(), before);
            }
        }
    }

    /** The columns BigQuery would give {@code relation} after the statements analyzed so far. */
    List<Column> columns(Relation relation) {
        return analyzer.columns(unquoted(relation));
    }

    List<Analyzed> analyzed() {
        return List.copyOf(analyzed);
    }

    List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    private boolean readsRejected(Collection<String> models) {
        return models.stream().anyMatch(rejectedModels::contains);
    }

    /**
     * Analyzes, in order, every query the pipeline sent after its first {@code queriesBefore}; returns their
     * resolved statements, or nothing if ZetaSQL rejected one (the rejection is recorded).
     */
    private Optional<List<ResolvedStatement>> analyzeSent(String subject, int queriesBefore) {
        List<String> queries = server.queries();
        List<ResolvedStatement> resolved = new ArrayList<>();
        for (String sql : queries.subList(queriesBefore, queries.size())) {
            try {
                resolved.addAll(analyzer.analyze(sql));
                analyzed.add(new Analyzed(subject, sql.lines().findFirst().orElse("")));
            } catch (BigQuerySqlAnalyzer.Rejected e) {
                rejections.add(new Rejection(subject, e.statement(), e.reason(), sql));
                return Optional.empty();
            }
        }
        return Optional.of(resolved);
    }

    /** A type as the REST API's table schemas name it. */
    private static String restType(Column column) {
        return switch (column.typeName()) {
            case "INT64" -> "INTEGER";
            case "FLOAT64" -> "FLOAT";
            case "BOOL" -> "BOOLEAN";
            default -> column.typeName();
        };
    }

    private String unquoted(Relation relation) {
        return warehouse.sqlName(relation).replace("`", "");
    }

    @Override
    public void close() {
        server.close();
    }
}
