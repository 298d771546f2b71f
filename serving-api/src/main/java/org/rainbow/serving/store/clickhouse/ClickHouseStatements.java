package org.rainbow.serving.store.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rainbow.serving.store.ResultRow;
import org.rainbow.serving.store.RowReader;

/**
 * Every statement of the store goes through here: a server that is down or refuses becomes the store's "cannot
 * answer".
 */
final class ClickHouseStatements implements RowReader {

    private final Client client;

    ClickHouseStatements(Client client) {
        this.client = client;
    }

    @Override
    public void read(String sql, Consumer<ResultRow> row) {
        select(sql).forEach(record -> row.accept(new Row(record)));
    }

    List<GenericRecord> select(String sql) {
        try {
            return client.queryAll(sql);
        } catch (RuntimeException e) {
            throw failure("query", e);
        }
    }

    void execute(String sql) {
        try {
            client.execute(sql).get(2, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /**
     * Inserts a Parquet file into {@code table}; ClickHouse skips an insert whose {@code deduplicationToken} it has
     * seen, so a repeated or concurrent load of the same part inserts it once.
     */
    void insertParquet(String table, List<String> columns, InputStream parquet, String deduplicationToken) {
        try {
            client.insert(table, columns, parquet, ClickHouseFormat.Parquet,
                    new InsertSettings().setDeduplicationToken(deduplicationToken)).get(10, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw failure("inserting into " + table, e);
        }
    }

    void close() {
        client.close();
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("ClickHouse serving store, " + what + ": " + e.getMessage(), e);
    }

    private record Row(GenericRecord record) implements ResultRow {

        @Override
        public String text(String column) {
            return record.hasValue(column) ? record.getString(column) : null;
        }

        @Override
        public Long bigint(String column) {
            return record.hasValue(column) ? record.getLong(column) : null;
        }

        @Override
        public BigDecimal decimal(String column) {
            return record.getBigDecimal(column);
        }

        @Override
        public LocalDate date(String column) {
            return record.getLocalDate(column);
        }

        @Override
        public Instant instant(String column) {
            return record.hasValue(column) ? record.getZonedDateTime(column).toInstant() : null;
        }
    }
}
