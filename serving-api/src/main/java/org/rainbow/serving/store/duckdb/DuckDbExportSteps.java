package org.rainbow.serving.store.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.ExportSteps;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;

/**
 * An export replaces the batch schema's views and adds its pointer in one transaction, so a query sees the
 * previous export or the new one whole; a second load of the same export finds it served. Parquet parts are read
 * by DuckDB from local copies, made before the transaction begins so that it lasts no longer than the inserts.
 */
final class DuckDbExportSteps implements ExportSteps {

    private final DuckDbConnectionPool pool;
    private final SqlDialect sql;

    DuckDbExportSteps(DuckDbConnectionPool pool, SqlDialect sql) {
        this.pool = pool;
        this.sql = sql;
    }

    @Override
    public ExportWrite begin(BatchExport export, ObjectStorage storage) {
        Map<String, Path> parts = download(export, storage);
        Connection connection = pool.take();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            pool.release(connection);
            deleteAll(parts);
            throw failure(e);
        }
        return new Transaction(connection, export, parts);
    }

    /** A local copy of every part of the export's views, by its key. */
    private static Map<String, Path> download(BatchExport export, ObjectStorage storage) {
        Map<String, Path> parts = new HashMap<>();
        try {
            for (BatchViews.View view : BatchViews.ALL) {
                for (String key : export.view(view.name()).keys()) {
                    Path part = Files.createTempFile("rainbow-" + view.name() + "-", ".parquet");
                    parts.put(key, part);
                    storage.get(key, part);
                }
            }
            return parts;
        } catch (IOException e) {
            deleteAll(parts);
            throw new UncheckedIOException("cannot read batch export " + export.exportId(), e);
        } catch (RuntimeException e) {
            deleteAll(parts);
            throw e;
        }
    }

    private static void deleteAll(Map<String, Path> parts) {
        parts.values().forEach(p -> p.toFile().delete());
    }

    /** Nothing is left: the transaction replaced the views, and older pointers are the load history. */
    @Override
    public void dropExportsBefore(String exportId) {
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("DuckDB serving store: " + e.getMessage(), e);
    }

    private final class Transaction implements ExportWrite {

        private final Connection connection;
        private final BatchExport export;
        /** The local copy of each part, by its key. */
        private final Map<String, Path> parts;
        private boolean committed;

        Transaction(Connection connection, BatchExport export, Map<String, Path> parts) {
            this.connection = connection;
            this.export = export;
            this.parts = parts;
        }

        @Override
        public long write(BatchViews.View view, List<String> keys) {
            List<Path> files = keys.stream().map(parts::get).toList();
            try (Statement statement = connection.createStatement()) {
                String names = String.join(", ", BatchViews.columnNames(view));
                statement.execute("delete from " + sql.batchTable(view.name()));
                return files.isEmpty() ? 0 : statement.executeUpdate("insert into " + sql.batchTable(view.name())
                        + " (" + names + ") select " + names + " from read_parquet(" + files.stream()
                        .map(p -> "'" + p.toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"))
                        + ")");
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public void publish() {
            try (PreparedStatement pointer = connection.prepareStatement("insert into "
                    + sql.batchTable(BatchTables.EXPORTS) + " values (?, ?, ?, ?, current_localtimestamp())")) {
                pointer.setString(1, export.exportId());
                pointer.setObject(2, utc(export.watermark()));
                pointer.setObject(3, utc(export.exportedAt()));
                pointer.setObject(4, export.partition());
                pointer.executeUpdate();
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure(e);
            } finally {
                pool.release(connection);
                deleteAll(parts);
            }
        }

        private static LocalDateTime utc(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }
}
