package org.rainbow.serving.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.speed.sink.duckdb.DuckDbSpeedTableWriter;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.local.LocalObjectStorage;

/**
 * Export loading on the DuckDB store: an export one of whose views does not hold the rows its manifest says is not
 * served, and the served export keeps its figures (the views written before the bad one included); the next good
 * export is served.
 */
class DuckDbExportLoadingIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    private Path dir;

    @Test
    void anExportThatDoesNotMatchItsManifestIsNotServedAndTheServedOneStaysWhole() throws Exception {
        ObjectStorage storage = new LocalObjectStorage(dir.resolve("storage"));
        Path file = dir.resolve("serving.duckdb");
        // The speed tables the unified query reads, as the sink creates them; empty: every figure is the batch's.
        new DuckDbSpeedTableWriter(file).close();
        try (ServingStore store = DuckDbServingStore.open(file)) {
            store.load(export("20261103T000000000Z", 1, 0, storage), storage);
            assertThat(store.dailySales(DAY, DAY).get(DAY).orderCount()).isEqualTo(1);

            BatchExport broken = export("20261104T000000000Z", 2, 1, storage);
            assertThatThrownBy(() -> store.load(broken, storage)).hasMessageContaining("its manifest says 2");
            assertThat(store.currentExport().orElseThrow().exportId()).isEqualTo("20261103T000000000Z");
            assertThat(store.dailySales(DAY, DAY).get(DAY))
                    .isEqualTo(new SalesTotals(1, 1, new BigDecimal("1.00"), new BigDecimal("1.00")));

            store.load(export("20261105T000000000Z", 3, 0, storage), storage);
            assertThat(store.currentExport().orElseThrow().exportId()).isEqualTo("20261105T000000000Z");
            assertThat(store.dailySales(DAY, DAY).get(DAY).orderCount()).isEqualTo(3);
        }
    }

    /**
     * An export of one row per view on {@link #DAY}, every number {@code n}, in storage; the manifest of the last view
     * (written after all the others) says {@code missing} rows more than its file holds.
     */
    private BatchExport export(String exportId, int n, int missing, ObjectStorage storage) throws Exception {
        Map<String, BatchExport.View> views = new LinkedHashMap<>();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckDb.createStatement()) {
            for (BatchViews.View view : BatchViews.ALL) {
                Path part = Files.createTempFile(dir, view.name(), ".parquet");
                sql.execute("copy (select " + view.columns().stream().map(c -> value(c, exportId, n) + " as " + c.name())
                        .collect(Collectors.joining(", ")) + ") to '" + part + "' (format parquet)");
                String key = BatchExport.viewPrefix(exportId, view.name()) + "part-0.parquet";
                storage.put(key, part);
                boolean last = view.equals(BatchViews.ALL.get(BatchViews.ALL.size() - 1));
                views.put(view.name(), new BatchExport.View(List.of(key), last ? 1 + missing : 1));
            }
        }
        Instant watermark = DAY.plusDays(n).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new BatchExport(exportId, watermark, watermark, DAY, views);
    }

    private static String value(BatchViews.Column column, String exportId, int n) {
        return switch (column.type()) {
            case TEXT -> column.name().equals("export_id") ? "'" + exportId + "'" : "'x'";
            case DATE -> "date '" + DAY + "'";
            case BIGINT -> "cast(" + n + " as bigint)";
            case MONEY -> "cast(" + n + " as decimal(18,2))";
            case TIMESTAMP -> "timestamp '" + DAY + " 10:00:00'";
        };
    }
}
