package org.rainbow.serving.store.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.rainbow.serving.store.ComposedServingStore;
import org.rainbow.serving.store.ExportLoading;
import org.rainbow.serving.store.SalesQueries;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.serving.store.StoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving store in one DuckDB file: the speed sink's tables in schema {@code speed} (one row per key,
 * {@code _deleted} marking deletes) and the served batch export in schema {@code batch}. Made of the schema
 * ({@link DuckDbSchema}), the export steps ({@link DuckDbExportSteps}), the queries on a few connections of the same
 * database ({@link DuckDbRows}) and the compaction ({@link DuckDbSpeedCompaction}).
 */
public final class DuckDbServingStore extends ComposedServingStore {

    private static final Logger log = LoggerFactory.getLogger(DuckDbServingStore.class);
    private static final SqlDialect DIALECT = new DuckDbDialect();

    private final DuckDbConnectionPool pool;

    private DuckDbServingStore(DuckDbConnectionPool pool) {
        super(parts(pool));
        this.pool = pool;
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

    private static Parts parts(DuckDbConnectionPool pool) {
        DuckDbSchema schema = new DuckDbSchema(pool, DIALECT);
        schema.createBatchTables();
        DuckDbRows rows = new DuckDbRows(pool);
        StoreStatus status = new StoreStatus(DIALECT, rows);
        SalesQueries sales = new SalesQueries(DIALECT, (sql, row) -> {
            schema.createViewsOnce();
            rows.read(sql, row);
        }, status::servedExport);
        return new Parts(status, status::servedExport, sales,
                new ExportLoading(status, new DuckDbExportSteps(pool, DIALECT)),
                new DuckDbSpeedCompaction(pool, DIALECT)::compactTo);
    }

    @Override
    public void close() {
        pool.close();
    }
}
