package org.rainbow.serving.store.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.ExportLoading;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesQueries;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SliceSales;
import org.rainbow.serving.store.SpeedProgress;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.serving.store.StoreStatus;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving store in one DuckDB file: the speed sink's tables in schema {@code speed} (one row per key,
 * {@code _deleted} marking deletes) and the served batch export in schema {@code batch}. Composed of the schema
 * ({@link DuckDbSchema}), the export steps ({@link DuckDbExportSteps}), the queries on a few connections of the same
 * database ({@link DuckDbRows}) and the compaction ({@link DuckDbSpeedCompaction}).
 */
public final class DuckDbServingStore implements ServingStore {

    private static final Logger log = LoggerFactory.getLogger(DuckDbServingStore.class);
    private static final SqlDialect DIALECT = new DuckDbDialect();

    private final DuckDbConnectionPool pool;
    private final StoreStatus status;
    private final SalesQueries sales;
    private final ExportLoading loading;
    private final DuckDbSpeedCompaction compaction;

    private DuckDbServingStore(DuckDbConnectionPool pool) {
        this.pool = pool;
        DuckDbSchema schema = new DuckDbSchema(pool, DIALECT);
        schema.createBatchTables();
        DuckDbRows rows = new DuckDbRows(pool);
        this.status = new StoreStatus(DIALECT, rows);
        this.sales = new SalesQueries(DIALECT, (sql, row) -> {
            schema.createViewsOnce();
            rows.read(sql, row);
        }, status::servedExport);
        this.loading = new ExportLoading(status, new DuckDbExportSteps(pool, DIALECT));
        this.compaction = new DuckDbSpeedCompaction(pool, DIALECT);
    }

    /** Opens (or creates) the file; the speed sink of this process opens the same database. */
    public static DuckDbServingStore open(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            DuckDbServingStore store = new DuckDbServingStore(new DuckDbConnectionPool(DuckDbConnections.open(absolute)));
            log.info("serving store: DuckDB file {}", absolute);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB serving store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to) {
        return sales.dailySales(from, to);
    }

    @Override
    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        return sales.salesBy(breakdown, from, to, limit);
    }

    @Override
    public Optional<LoadedExport> currentExport() {
        return status.servedExport();
    }

    @Override
    public SpeedProgress speedProgress() {
        return status.speedProgress();
    }

    @Override
    public void load(BatchExport export, ObjectStorage storage) {
        loading.load(export, storage);
    }

    @Override
    public SpeedRows compactSpeed() {
        status.servedExport().ifPresent(compaction::compactTo);
        return status.speedRows();
    }

    @Override
    public SpeedRows speedRows() {
        return status.speedRows();
    }

    @Override
    public void close() {
        pool.close();
    }
}
