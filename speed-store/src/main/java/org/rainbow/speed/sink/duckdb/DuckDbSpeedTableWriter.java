package org.rainbow.speed.sink.duckdb;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.VERSION;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.speed.sink.ChangeRow;
import org.rainbow.speed.sink.SpeedTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code speed.<table>} in a DuckDB file: one row per key (the primary key), replaced only by a change
 * with a higher version ({@code _version}, the source LSN), and for master data also
 * {@code speed.<table>_versions}, one row per version. Timestamps are stored as UTC {@code TIMESTAMP}.
 * DuckDB allows one writing process per file, so this writer holds the file while its process runs.
 */
public class DuckDbSpeedTableWriter implements SpeedTableWriter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbSpeedTableWriter.class);

    private static final int ROWS_PER_STATEMENT = 500;
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final DuckDbTypes TYPES = new DuckDbTypes();

    private final Connection connection;

    public DuckDbSpeedTableWriter(Path path) throws SQLException {
        Path file = path.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connection = DuckDbConnections.open(file);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            sql.execute("CREATE SCHEMA IF NOT EXISTS speed");
            for (CapturedTable table : RainbowTables.ALL) {
                sql.execute(createTable(table));
                if (table.versioned()) {
                    sql.execute(createVersionsTable(table));
                }
            }
        }
        connection.setAutoCommit(false);
        log.info("speed tables ready in DuckDB file {}", file);
    }

    /**
     * Writes the batch in one transaction. Serving's compaction deletes from the same tables in this process; a
     * write that collides with it is tried again here, so it never looks like a bad row to the caller.
     */
    @Override
    public synchronized void write(CapturedTable table, List<ChangeRow> rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(table, rows);
                return;
            } catch (IllegalStateException e) {
                if (attempt == CONFLICT_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("Conflict")) {
                    throw e;
                }
                log.debug("write to speed.{} collided with another transaction; attempt {}", table.name(), attempt + 1);
            }
        }
    }

    private void writeOnce(CapturedTable table, List<ChangeRow> rows) {
        try {
            // One command may not touch a key twice: keep the latest change of each key in this batch.
            upsert(table, latestPer(rows, ChangeRow::key), false);
            if (table.versioned()) {
                // A delete repeats the last version's image: it adds no version.
                int time = table.columns().indexOf(table.columns().stream()
                        .filter(c -> c.name().equals(CapturedTable.VERSION_TIME)).findFirst().orElseThrow());
                upsert(table, latestPer(rows.stream().filter(r -> !r.deleted()).toList(),
                        row -> List.of(row.key(), row.values()[time])), true);
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new IllegalStateException("DuckDB write to speed." + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** Multi-row statements: DuckDB runs each execution of a batch on its own, one row at a time. */
    private void upsert(CapturedTable table, List<ChangeRow> rows, boolean versions) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<ChangeRow> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement upsert = connection.prepareStatement(versions ? upsertVersions(table, chunk.size())
                    : upsert(table, chunk.size()))) {
                int i = 1;
                for (ChangeRow row : chunk) {
                    for (Object value : row.values()) {
                        upsert.setObject(i++, value instanceof Instant instant ? utc(instant) : value);
                    }
                    upsert.setLong(i++, row.version());
                    if (!versions) {
                        upsert.setBoolean(i++, row.deleted());
                    }
                    upsert.setObject(i++, utc(row.committedAt()));
                }
                upsert.execute();
            }
        }
    }

    @Override
    public synchronized Optional<Map<String, Object>> find(CapturedTable table, long key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM speed." + table.name() + " WHERE "
                + CapturedTable.KEY + " = ?")) {
            select.setLong(1, key);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    row.put(rows.getMetaData().getColumnLabel(i),
                            value == null || value instanceof Number || value instanceof Boolean ? value : value.toString());
                }
                return Optional.of(row);
            } finally {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB read of speed." + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private static List<ChangeRow> latestPer(List<ChangeRow> rows, Function<ChangeRow, Object> key) {
        Map<Object, ChangeRow> latest = new LinkedHashMap<>();
        for (ChangeRow row : rows) {
            latest.merge(key.apply(row), row, (a, b) -> b.version() >= a.version() ? b : a);
        }
        return new ArrayList<>(latest.values());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String sourceColumns(CapturedTable table) {
        return table.columns().stream()
                .map(c -> c.name() + " " + TYPES.of(c) + (c.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", "));
    }

    private static String createTable(CapturedTable table) {
        return "CREATE TABLE IF NOT EXISTS speed." + table.name() + " (" + sourceColumns(table)
                + ", " + VERSION + " " + DuckDbTypes.UNSIGNED_BIGINT + " NOT NULL, " + DELETED + " " + DuckDbTypes.BOOLEAN
                + " NOT NULL, " + COMMITTED_AT + " " + TYPES.timestamp() + " NOT NULL, " + WRITTEN_AT + " "
                + TYPES.timestamp() + " NOT NULL DEFAULT current_localtimestamp()"
                + ", PRIMARY KEY (" + CapturedTable.KEY + "))";
    }

    /** Every version of a versioned table's rows (deletes left out), one per {@code (id, updated_at)}. */
    private static String createVersionsTable(CapturedTable table) {
        return "CREATE TABLE IF NOT EXISTS speed." + table.versionsTable() + " (" + sourceColumns(table)
                + ", " + VERSION + " " + DuckDbTypes.UNSIGNED_BIGINT + " NOT NULL, " + COMMITTED_AT + " "
                + TYPES.timestamp() + " NOT NULL, " + WRITTEN_AT + " " + TYPES.timestamp()
                + " NOT NULL DEFAULT current_localtimestamp()"
                + ", PRIMARY KEY (" + CapturedTable.KEY + ", " + CapturedTable.VERSION_TIME + "))";
    }

    private static String upsert(CapturedTable table, int rows) {
        return upsert("speed." + table.name(), table, List.of(VERSION, DELETED, COMMITTED_AT),
                List.of(CapturedTable.KEY), rows);
    }

    private static String upsertVersions(CapturedTable table, int rows) {
        return upsert("speed." + table.versionsTable(), table, List.of(VERSION, COMMITTED_AT),
                List.of(CapturedTable.KEY, CapturedTable.VERSION_TIME), rows);
    }

    /** Inserts the rows; a row whose key is there already replaces it only if its version is higher. */
    private static String upsert(String target, CapturedTable table, List<String> speedColumns, List<String> key,
                                 int rows) {
        List<String> names = table.columns().stream().map(Column::name).collect(Collectors.toList());
        names.addAll(speedColumns);
        String updates = names.stream().filter(n -> !key.contains(n))
                .map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
        String row = "(" + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        return "INSERT INTO " + target + " (" + String.join(", ", names) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row))
                + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + updates
                + ", " + WRITTEN_AT + " = current_localtimestamp()"
                + " WHERE excluded." + VERSION + " > " + target + "." + VERSION;
    }
}
