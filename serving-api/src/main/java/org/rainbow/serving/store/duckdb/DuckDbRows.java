package org.rainbow.serving.store.duckdb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.rainbow.serving.store.ResultRow;
import org.rainbow.serving.store.RowReader;

/** Queries on a connection of the pool, their rows read through JDBC; timestamps are stored as UTC. */
final class DuckDbRows implements RowReader {

    private final DuckDbConnectionPool pool;

    DuckDbRows(DuckDbConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void read(String sql, Consumer<ResultRow> row) {
        pool.withConnection(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                JdbcRow current = new JdbcRow(rows);
                while (rows.next()) {
                    row.accept(current);
                }
            }
            return null;
        });
    }

    private record JdbcRow(ResultSet rows) implements ResultRow {

        @Override
        public String text(String column) {
            return read(() -> rows.getString(column));
        }

        @Override
        public Long bigint(String column) {
            return read(() -> rows.getObject(column, Long.class));
        }

        @Override
        public BigDecimal decimal(String column) {
            return read(() -> rows.getBigDecimal(column));
        }

        @Override
        public LocalDate date(String column) {
            return read(() -> rows.getObject(column, LocalDate.class));
        }

        @Override
        public Instant instant(String column) {
            Timestamp timestamp = read(() -> rows.getTimestamp(column));
            return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }

        private static <T> T read(ColumnRead<T> read) {
            try {
                return read.value();
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB serving store: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface ColumnRead<T> {
        T value() throws SQLException;
    }
}
