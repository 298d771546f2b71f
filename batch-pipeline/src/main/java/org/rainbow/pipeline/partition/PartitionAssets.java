package org.rainbow.pipeline.partition;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetStatusRepository;
import org.rainbow.pipeline.asset.Materialization;
import org.rainbow.pipeline.config.PipelineProperties;
import org.rainbow.pipeline.extract.ExtractedPartition;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.extract.TableExtractor;
import org.rainbow.pipeline.model.ModelResult;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.RunReport;
import org.rainbow.pipeline.model.RunRequest;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.pipeline.warehouse.ExportedObjects;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.rainbow.pipeline.warehouse.Warehouse;
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

    /**
     * The batch views exported for serving: the daily aggregates, the order lines behind them, and the versions of
     * the master data whose attributes serving's speed side names lines by.
     */
    public static final List<String> BATCH_VIEWS = List.of("agg_daily_sales", "agg_daily_product_sales",
            "agg_daily_seller_sales", "agg_daily_payment_sales", "agg_daily_category_sales", "agg_daily_city_sales",
            "agg_daily_promotion_sales", "order_line_sales", "product_versions", "seller_versions", "customer_versions",
            "payment_versions", "promotion_versions");
    private static final int KEPT_EXPORTS = 3;
    private static final DateTimeFormatter EXPORT_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(PartitionAssets.class);

    private final TableExtractor extractor;
    private final Warehouse warehouse;
    private final ModelRunner models;
    private final ObjectStorage storage;
    private final AssetStatusRepository status;
    private final Path workDirectory;
    private final Clock clock;
    private final PartitionTurns turns;
    private final BatchExports exports;
    private final ReentrantLock warehouseLock = new ReentrantLock(true);
    private Instant lastExport;

    PartitionAssets(TableExtractor extractor, Warehouse warehouse, ModelRunner models, ObjectStorage storage,
                    AssetStatusRepository status, PipelineProperties properties, Clock clock, PartitionTurns turns) {
        this.extractor = extractor;
        this.warehouse = warehouse;
        this.models = models;
        this.storage = storage;
        this.status = status;
        this.workDirectory = properties.workDirectory();
        this.clock = clock;
        this.turns = turns;
        this.exports = new BatchExports(storage);
    }

    public void extract(String table, LocalDate day) {
        materialize(AssetGraph.extract(table), day, () -> {
            ExtractedPartition partition = extractor.extract(table, day);
            return new Outcome(partition.rows(), partition.bytes(), 0, 0, storage.uri(partition.key()));
        });
    }

    public void loadRaw(String table, LocalDate day) {
        materialize(AssetGraph.loadRaw(table), day, () -> inWarehouse(day, () -> {
            String uri = storage.uri(RawTables.partitionPrefix(table, day) + "part-00000.parquet");
            long rows = warehouse.loadParquetPartition(new Relation("raw", table), uri, day);
            return new Outcome(rows, 0, 0, 0, null);
        }));
    }

    /**
     * Runs every model with its data tests; a failed test fails the partition, failing rows in the log.
     * After a failed build the incremental models may hold rows of the bad data, so the next build starts
     * them over from the raw dataset (a full refresh) instead of merging on top.
     */
    public void buildModels(LocalDate day) {
        materialize(AssetGraph.BUILD_MODELS, day, () -> inWarehouse(day, () -> {
            boolean repair = status.latest(AssetGraph.BUILD_MODELS)
                    .map(last -> last.status() == Materialization.Status.FAILED).orElse(false);
            if (repair) {
                log.info("partition {}: the last model build failed, rebuilding incremental models in full", day);
            }
            RunReport report = models.run(new RunRequest(List.of(), repair, Map.of()));
            int passed = (int) report.models().stream().mapToLong(ModelResult::testsPassed).sum();
            int failed = (int) report.models().stream().mapToLong(ModelResult::testsFailed).sum();
            long rows = report.models().stream().mapToLong(m -> m.rows() == null ? 0 : m.rows()).sum();
            if (!report.succeeded()) {
                log.error("partition {}: models or data tests failed\n{}", day, report.format());
                throw new CheckFailure(new Outcome(rows, 0, passed, failed, report.format()));
            }
            return new Outcome(rows, 0, passed, failed, null);
        }));
    }

    /**
     * Exports every batch view whole, as one snapshot with the watermark it is complete up to, then points
     * serving at it. A whole snapshot, not the day's rows: building a day also changes older days (late
     * changes, deletes), and serving must never combine views of two different builds.
     */
    public void exportBatchViews(LocalDate day) {
        materialize(AssetGraph.EXPORT_BATCH_VIEWS, day, () -> inWarehouse(day, () -> {
            String exportId = nextExportId();
            Map<String, BatchExport.View> views = new LinkedHashMap<>();
            long rows = 0;
            long bytes = 0;
            for (String view : BATCH_VIEWS) {
                // Each row names its export, so a store may hold several exports side by side.
                ExportedObjects written = warehouse.exportParquet("select '" + exportId + "' as export_id, * from "
                        + warehouse.sqlName(new Relation("marts", view)), storage, BatchExport.viewPrefix(exportId, view));
                views.put(view, new BatchExport.View(written.keys(), written.rows()));
                rows += written.rows();
                bytes += written.bytes();
            }
            Instant watermark = watermarkWith(day);
            exports.publish(new BatchExport(exportId, watermark, clock.instant(), day, views), workDirectory);
            exports.prune(KEPT_EXPORTS);
            log.info("partition {}: exported batch views as {} ({} rows), watermark {}", day, exportId, rows, watermark);
            return new Outcome(rows, bytes, 0, 0, null);
        }));
    }

    /** Every mart's rows and row hash, read between partitions' warehouse steps: what the operators compare. */
    public Map<String, TableFingerprint> fingerprintMarts() {
        warehouseLock.lock();
        try {
            Map<String, TableFingerprint> marts = new java.util.TreeMap<>();
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

    /**
     * The watermark is the end of the last partition in the unbroken run of exported days from the first
     * one: a gap (a day not yet exported, or failed) holds it back, so serving never trusts a missing day.
     */
    public Instant watermark() {
        return watermarkOf(new TreeSet<>(status.materializedDays(AssetGraph.EXPORT_BATCH_VIEWS)));
    }

    private Instant watermarkWith(LocalDate exporting) {
        TreeSet<LocalDate> days = new TreeSet<>(status.materializedDays(AssetGraph.EXPORT_BATCH_VIEWS));
        days.add(exporting);
        return watermarkOf(days);
    }

    private static Instant watermarkOf(TreeSet<LocalDate> days) {
        if (days.isEmpty()) {
            return Instant.EPOCH;
        }
        LocalDate last = days.first();
        for (LocalDate day : days.tailSet(last, false)) {
            if (!day.equals(last.plusDays(1))) {
                break;
            }
            last = day;
        }
        return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
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

    private <T> T inWarehouse(LocalDate day, Supplier<T> work) {
        turns.awaitTurn(day);
        warehouseLock.lock();
        try {
            return work.get();
        } finally {
            warehouseLock.unlock();
        }
    }

    private void materialize(String asset, LocalDate day, Supplier<Outcome> work) {
        long began = System.nanoTime();
        try {
            Outcome outcome = work.get();
            record(asset, day, Materialization.Status.MATERIALIZED, outcome, began);
        } catch (CheckFailure failure) {
            record(asset, day, Materialization.Status.FAILED, failure.outcome, began);
            throw new PartitionFailedException(asset + " failed its checks for " + day + "\n" + failure.outcome.message());
        } catch (RuntimeException e) {
            record(asset, day, Materialization.Status.FAILED, new Outcome(0, 0, 0, 0, String.valueOf(e.getMessage())), began);
            throw e;
        }
    }

    private void record(String asset, LocalDate day, Materialization.Status result, Outcome outcome, long began) {
        status.record(new Materialization(asset, day, result, clock.instant(), outcome.rows(), outcome.bytes(),
                (System.nanoTime() - began) / 1_000_000, outcome.checksPassed(), outcome.checksFailed(), outcome.message()));
    }

    private record Outcome(long rows, long bytes, int checksPassed, int checksFailed, String message) {
    }

    private static final class CheckFailure extends RuntimeException {
        private final transient Outcome outcome;

        CheckFailure(Outcome outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }
}
