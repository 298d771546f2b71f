package org.rainbow.pipeline.partition;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetKind;
import org.rainbow.pipeline.asset.AssetNode;
import org.rainbow.pipeline.asset.AssetStatus;
import org.rainbow.pipeline.asset.AssetStatusRepository;
import org.rainbow.pipeline.asset.CheckResult;
import org.rainbow.pipeline.asset.Materialization;
import org.rainbow.pipeline.config.PipelineProperties;
import org.rainbow.pipeline.extract.ExtractedPartition;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.extract.TableExtractor;
import org.rainbow.pipeline.model.ModelResult;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.ModelStatus;
import org.rainbow.pipeline.model.RunReport;
import org.rainbow.pipeline.model.RunRequest;
import org.rainbow.pipeline.model.TestResult;
import org.rainbow.pipeline.warehouse.ExportedObjects;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.storage.export.BatchViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Materializes each asset of one daily partition and records what it produced. Extracts run in parallel
 * across partitions; everything that writes the warehouse runs one partition at a time, because the model
 * run reads and rewrites tables every partition shares.
 */
@Service
public class PartitionAssets {

    private static final int KEPT_EXPORTS = 3;
    private static final DateTimeFormatter EXPORT_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(PartitionAssets.class);

    private final TableExtractor extractor;
    private final Warehouse warehouse;
    private final ModelRunner models;
    private final ObjectStorage storage;
    private final AssetStatusRepository records;
    private final AssetStatus status;
    private final AssetGraph graph;
    private final Path workDirectory;
    private final Clock clock;
    private final PartitionTurns turns;
    private final BatchExports exports;
    private final ReentrantLock warehouseLock = new ReentrantLock(true);
    /** Guarded by {@link #warehouseLock}. */
    private final LoadedDays builds = new LoadedDays();
    private Instant lastExport;

    PartitionAssets(TableExtractor extractor, Warehouse warehouse, ModelRunner models, ObjectStorage storage,
                    AssetStatusRepository records, AssetStatus status, AssetGraph graph, PipelineProperties properties,
                    Clock clock, PartitionTurns turns) {
        this.extractor = extractor;
        this.warehouse = warehouse;
        this.models = models;
        this.storage = storage;
        this.records = records;
        this.status = status;
        this.graph = graph;
        this.workDirectory = properties.workDirectory();
        this.clock = clock;
        this.turns = turns;
        this.exports = new BatchExports(storage);
    }

    public void extract(String table, PartitionRun run) {
        materialize(AssetGraph.extract(table), run, () -> {
            ExtractedPartition partition = extractor.extract(table, run.day());
            return new Outcome(partition.rows(), partition.bytes());
        });
    }

    public void loadRaw(String table, PartitionRun run) {
        materialize(AssetGraph.loadRaw(table), run, () -> inWarehouse(() -> turns.awaitEarlierLoads(run.day()), () -> {
            String uri = storage.uri(RawTables.partitionPrefix(table, run.day()) + "part-00000.parquet");
            long rows = warehouse.loadParquetPartition(RawTables.relation(table), uri, run.day());
            builds.loaded(run.day());
            return new Outcome(rows, null);
        }));
    }

    /**
     * Runs the selected models with their data tests, each recorded as it finishes: a failed model or check
     * skips what is downstream of it and fails the partition (failing rows in the log and the check results).
     * After a failed build the incremental models may hold rows of the bad data, so the next build starts them
     * over from the raw dataset (a full refresh) instead of merging on top.
     * <p>
     * The models read every raw row loaded so far, so a full build also builds the later days of a backfill that
     * loaded before it had its turn, and records its models and checks for them too (materialized by this run);
     * their own build step then finds nothing left to do.
     */
    public void buildModels(PartitionRun run) {
        List<String> selected = graph.nodes().stream().filter(n -> n.kind().isModel() && run.selects(n.name()))
                .map(AssetNode::name).toList();
        if (selected.isEmpty()) {
            return;
        }
        boolean all = selected.size() == graph.nodes().stream().filter(n -> n.kind().isModel()).count();
        inWarehouse(() -> turns.awaitEarlierLoads(run.day()), () -> {
            Optional<LoadedDays.Build> earlier = all ? builds.builtAlready(run.day()) : Optional.empty();
            if (earlier.isPresent()) {
                log.info("partition {}: models already built by run {} of partition {}", run.day(),
                        earlier.get().runId(), earlier.get().by());
                return null;
            }
            Set<LocalDate> building = all ? builds.unbuilt() : Set.of();
            List<PartitionRun> days = new ArrayList<>(List.of(run));
            building.stream().filter(day -> !day.equals(run.day())).sorted()
                    .forEach(day -> days.add(new PartitionRun(day, run.runId(), run.selected())));
            boolean repair = records.lastModelRunFailed();
            if (repair) {
                log.info("partition {}: the last model build failed, rebuilding incremental models in full", run.day());
            }
            RunReport report = models.run(new RunRequest(all ? List.of() : selected, repair, Map.of()),
                    result -> days.forEach(day -> record(day, result)));
            if (!report.succeeded()) {
                log.error("partition {}: models or data tests failed\n{}", run.day(), report.format());
                skipExportIfBlocked(run, report);
                throw new PartitionFailedException("models or data tests failed for " + run.day() + "\n" + report.format());
            }
            builds.built(building, run.day(), run.runId());
            return null;
        });
    }

    /**
     * Exports every batch view whole, as one snapshot with the watermark it is complete up to, then points
     * serving at it. A whole snapshot, not the day's rows: building a day also changes older days (late
     * changes, deletes), and serving must never combine views of two different builds.
     */
    public void exportBatchViews(PartitionRun run) {
        materialize(AssetGraph.EXPORT_BATCH_VIEWS, run, () -> inWarehouse(() -> turns.awaitEarlierRuns(run.day()), () -> {
            String exportId = nextExportId();
            Map<String, BatchExport.View> views = new LinkedHashMap<>();
            long rows = 0;
            long bytes = 0;
            for (String view : BatchViews.names()) {
                ExportedObjects written = warehouse.exportParquet(exportQuery(warehouse, exportId, view), storage,
                        BatchExport.viewPrefix(exportId, view));
                views.put(view, new BatchExport.View(written.keys(), written.rows()));
                rows += written.rows();
                bytes += written.bytes();
            }
            Instant watermark = status.watermarkWith(run.day());
            exports.publish(new BatchExport(exportId, watermark, clock.instant(), run.day(), views), workDirectory);
            exports.prune(KEPT_EXPORTS);
            log.info("partition {}: exported batch views as {} ({} rows), watermark {}", run.day(), exportId, rows,
                    watermark);
            return new Outcome(rows, bytes);
        }));
    }

    /** What a batch view's export selects: the mart whole, each row naming its export (a store may hold several). */
    public static String exportQuery(Warehouse warehouse, String exportId, String view) {
        return "select '" + exportId + "' as export_id, * from " + warehouse.sqlName(new Relation("marts", view));
    }

    /** Every mart's rows and row hash, read between partitions' warehouse steps: what the operators compare. */
    public Map<String, TableFingerprint> fingerprintMarts() {
        warehouseLock.lock();
        try {
            Map<String, TableFingerprint> marts = new TreeMap<>();
            for (Relation mart : models.relations("marts")) {
                if (warehouse.exists(mart)) {
                    marts.put(mart.name(), warehouse.fingerprint(mart));
                }
            }
            return marts;
        } finally {
            warehouseLock.unlock();
        }
    }

    /** The end of the unbroken run of exported days: what serving trusts the batch views for. */
    public Instant watermark() {
        return status.watermark();
    }

    /** Export ids sort in export order; two exports in one millisecond still get distinct ids. */
    private String nextExportId() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (lastExport != null && !now.isAfter(lastExport)) {
            now = lastExport.plusMillis(1);
        }
        lastExport = now;
        return EXPORT_ID.format(now);
    }

    /** Waits for the partition's turn, then works alone in the warehouse. */
    private <T> T inWarehouse(Runnable turn, Supplier<T> work) {
        turn.run();
        warehouseLock.lock();
        try {
            return work.get();
        } finally {
            warehouseLock.unlock();
        }
    }

    private void materialize(String asset, PartitionRun run, Supplier<Outcome> work) {
        if (!run.selects(asset)) {
            return;
        }
        long began = System.nanoTime();
        AssetKind kind = graph.node(asset).kind();
        try {
            Outcome outcome = work.get();
            records.record(new Materialization(asset, run.day(), run.runId(), Materialization.Status.MATERIALIZED, kind,
                    clock.instant(), (System.nanoTime() - began) / 1_000_000, outcome.rows(), null, null,
                    outcome.bytes(), null), null);
        } catch (RuntimeException e) {
            records.record(new Materialization(asset, run.day(), run.runId(), Materialization.Status.FAILED, kind,
                    clock.instant(), (System.nanoTime() - began) / 1_000_000, null, null, null, null,
                    String.valueOf(e.getMessage())), null);
            throw e;
        }
    }

    /** A model as its asset, and each of its data tests as a check on it. */
    private void record(PartitionRun run, ModelResult result) {
        Instant now = clock.instant();
        Materialization.Status state = switch (result.status()) {
            case SUCCESS, TEST_FAILED -> Materialization.Status.MATERIALIZED;
            case ERROR -> Materialization.Status.FAILED;
            case SKIPPED -> Materialization.Status.SKIPPED;
        };
        records.record(new Materialization(result.model(), run.day(), run.runId(), state, graph.node(result.model()).kind(),
                now, result.duration().toMillis(), result.rows(), result.inserted(), result.updated(), null,
                result.message()), result.compiledSql());
        List<CheckResult> checks = new ArrayList<>();
        Map<String, String> sql = new HashMap<>();
        for (TestResult test : result.tests()) {
            CheckResult.Status outcome = test.error() != null ? CheckResult.Status.ERROR
                    : test.failures() > 0 ? CheckResult.Status.FAILED : CheckResult.Status.PASSED;
            checks.add(new CheckResult(test.name(), result.model(), run.day(), run.runId(), outcome, test.failures(),
                    test.failingRows(), test.error(), now));
            if (test.sql() != null) {
                sql.put(test.name(), test.sql());
            }
        }
        records.record(checks, sql);
    }

    /** The export reads every batch view: one that did not build this run leaves the day unexported, and says why. */
    private void skipExportIfBlocked(PartitionRun run, RunReport report) {
        if (!run.selects(AssetGraph.EXPORT_BATCH_VIEWS)) {
            return;
        }
        graph.upstreamOf(AssetGraph.EXPORT_BATCH_VIEWS).stream()
                .map(report::result).flatMap(Optional::stream)
                .filter(view -> view.status() == ModelStatus.SKIPPED || view.status() == ModelStatus.ERROR)
                .findFirst()
                .ifPresent(view -> records.record(new Materialization(AssetGraph.EXPORT_BATCH_VIEWS, run.day(),
                        run.runId(), Materialization.Status.SKIPPED, AssetKind.EXPORT, clock.instant(), 0, null, null,
                        null, null, "skipped: " + view.model() + (view.status() == ModelStatus.ERROR ? " failed"
                                : " was " + view.message())), null));
    }

    private record Outcome(Long rows, Long bytes) {
    }
}
