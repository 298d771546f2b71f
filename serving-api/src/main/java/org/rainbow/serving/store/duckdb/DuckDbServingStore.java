package org.rainbow.serving.store.duckdb;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.Binding;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SliceSales;
import org.rainbow.serving.store.SpeedCompactionSql;
import org.rainbow.serving.store.SpeedProgress;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.serving.store.UnifiedSalesSql;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rainbow.storage.export.BatchViews;

/**
 * The serving store in one DuckDB file: the speed sink's tables in schema {@code speed} (one row per key,
 * {@code _deleted} marking deletes) and the served batch export in schema {@code batch}. An export is loaded
 * in one transaction, so a query sees the previous export or the new one whole. Queries run on a few
 * connections of the same database, one query per connection at a time.
 */
public final class DuckDbServingStore implements ServingStore {

    private static final Logger log = LoggerFactory.getLogger(DuckDbServingStore.class);
    private static final int CONNECTIONS = 4;
    private static final SqlDialect DIALECT = new Dialect();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final DuckDBConnection database;
    private final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
    private volatile boolean viewsCreated;

    private DuckDbServingStore(DuckDBConnection database) throws SQLException {
        this.database = database;
        for (int i = 0; i < CONNECTIONS; i++) {
            Connection connection = database.duplicate();
            try (Statement sql = connection.createStatement()) {
                sql.execute("set TimeZone = 'UTC'");
            }
            connections.add(connection);
        }
        try (Statement sql = database.createStatement()) {
            sql.execute("set TimeZone = 'UTC'");
            sql.execute("create schema if not exists batch");
            for (BatchViews.View view : BatchViews.ALL) {
                sql.execute("create table if not exists batch." + view.name() + " (" + columns(view.columns()) + ")");
                // A column a newer release exports: its rows get it with the next export.
                for (BatchViews.Column column : view.columns()) {
                    sql.execute("alter table batch." + view.name() + " add column if not exists " + columns(List.of(column)));
                }
            }
            sql.execute("create table if not exists batch." + BatchTables.EXPORTS + " ("
                    + columns(BatchTables.EXPORT_COLUMNS) + ", primary key (export_id))");
        }
    }

    /** Opens (or creates) the file; the speed sink of this process opens the same database. */
    public static DuckDbServingStore open(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            DuckDbServingStore store = new DuckDbServingStore(DuckDbConnections.open(absolute));
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
        Map<LocalDate, SalesTotals> days = new LinkedHashMap<>();
        unified(Breakdown.DAY, from, to, "order by date",
                rows -> days.put(rows.getObject("date", LocalDate.class), totals(rows)));
        return days;
    }

    @Override
    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        List<SliceSales> slices = new ArrayList<>();
        unified(breakdown, from, to, "order by extended_sales_amount desc, "
                + breakdown.keys().stream().map(Attribute::column).collect(Collectors.joining(", ")) + " limit " + limit,
                rows -> {
                    List<Object> key = new ArrayList<>();
                    for (Attribute attribute : breakdown.keys()) {
                        key.add(attribute.type() == BatchViews.Type.BIGINT ? rows.getObject(attribute.column(), Long.class)
                                : rows.getString(attribute.column()));
                    }
                    slices.add(new SliceSales(key, totals(rows)));
                });
        return slices;
    }

    @Override
    public Optional<LoadedExport> currentExport() {
        return withConnection(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("select export_id, watermark, exported_at, partition_date, loaded_at "
                         + "from batch." + BatchTables.EXPORTS + " order by export_id desc limit 1")) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoadedExport(rows.getString(1), instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3)), rows.getObject(4, LocalDate.class), instant(rows.getTimestamp(5))));
            }
        });
    }

    @Override
    public SpeedProgress speedProgress() {
        return withConnection(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery(("select max(%1$s), max(%2$s) from (select %1$s, %2$s from "
                         + "speed.orders union all select %1$s, %2$s from speed.order_details)")
                         .formatted(COMMITTED_AT, WRITTEN_AT))) {
                rows.next();
                return new SpeedProgress(instant(rows.getTimestamp(1)), instant(rows.getTimestamp(2)));
            }
        });
    }

    @Override
    public void load(BatchExport export, ObjectStorage storage) {
        Optional<LoadedExport> served = currentExport();
        if (served.filter(s -> s.isAtLeast(export.exportId())).isPresent()) {
            return;
        }
        served.ifPresent(s -> s.refuseEarlier(export.exportId(), export.watermark()));
        List<Path> files = new ArrayList<>();
        try {
            Map<BatchViews.View, List<Path>> downloaded = new LinkedHashMap<>();
            for (BatchViews.View view : BatchViews.ALL) {
                BatchExport.View exported = export.view(view.name());
                List<Path> parts = new ArrayList<>();
                for (String key : exported.keys()) {
                    Path file = Files.createTempFile("rainbow-" + view.name() + "-", ".parquet");
                    files.add(file);
                    storage.get(key, file);
                    parts.add(file);
                }
                downloaded.put(view, parts);
            }
            withConnection(connection -> {
                replaceInOneTransaction(connection, export, downloaded);
                return null;
            });
            log.info("serving batch export {} (watermark {})", export.exportId(), export.watermark());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read batch export " + export.exportId(), e);
        } finally {
            files.forEach(f -> f.toFile().delete());
        }
    }

    /**
     * Deletes, in one transaction, what the served export makes redundant. The speed sink of this process writes
     * the same tables: a write that collides with a delete is retried by the sink, a compaction that collides is
     * rolled back and done at the next export.
     */
    @Override
    public SpeedRows compactSpeed() {
        currentExport().ifPresent(served -> withConnection(connection -> {
            connection.setAutoCommit(false);
            SpeedCompactionSql.Run run = SpeedCompactionSql.run(DIALECT, served.exportId(), served.watermark(),
                    "settled_orders");
            try (Statement sql = connection.createStatement()) {
                sql.execute(run.settle());
                for (String delete : run.deletes()) {
                    sql.executeUpdate(delete);
                }
                sql.execute(run.cleanUp());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                log.warn("compacting the speed tables collided with a write; done at the next export: {}", e.getMessage());
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        }));
        return speedRows();
    }

    @Override
    public SpeedRows speedRows() {
        return withConnection(connection -> {
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("select (select count(*) from speed.orders), "
                         + "(select count(*) from speed.order_details)")) {
                rows.next();
                return new SpeedRows(rows.getLong(1), rows.getLong(2));
            }
        });
    }

    private static void replaceInOneTransaction(Connection connection, BatchExport export,
                                                Map<BatchViews.View, List<Path>> files) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            for (Map.Entry<BatchViews.View, List<Path>> view : files.entrySet()) {
                String names = String.join(", ", BatchViews.columnNames(view.getKey()));
                sql.execute("delete from batch." + view.getKey().name());
                long rows = view.getValue().isEmpty() ? 0 : sql.executeUpdate("insert into batch." + view.getKey().name()
                        + " (" + names + ") select " + names + " from read_parquet(" + view.getValue().stream()
                        .map(p -> "'" + p.toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"))
                        + ")");
                long expected = export.views().get(view.getKey().name()).rows();
                if (rows != expected) {
                    throw new IllegalStateException("export " + export.exportId() + " view " + view.getKey().name()
                            + " holds " + rows + " rows, its manifest says " + expected);
                }
            }
            try (PreparedStatement pointer = connection.prepareStatement("insert into batch." + BatchTables.EXPORTS
                    + " values (?, ?, ?, ?, current_localtimestamp())")) {
                pointer.setString(1, export.exportId());
                pointer.setObject(2, utc(export.watermark()));
                pointer.setObject(3, utc(export.exportedAt()));
                pointer.setObject(4, export.partition());
                pointer.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = connections.poll()) != null) {
            closeQuietly(connection);
        }
        closeQuietly(database);
    }

    /** The rule bound to the served export and the range, its rows ordered (and cut) by {@code order}. */
    private void unified(Breakdown breakdown, LocalDate from, LocalDate to, String order, RowConsumer consumer) {
        Optional<LoadedExport> export = currentExport();
        String sql = UnifiedSalesSql.select(DIALECT, Binding.of(DIALECT, export.map(LoadedExport::exportId).orElse(""),
                export.map(LoadedExport::watermark).orElse(Instant.EPOCH), from, to), breakdown) + "\n" + order;
        withConnection(connection -> {
            createViewsOnce(connection);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
            return null;
        });
    }

    /**
     * The unified views, as table macros, for SQL clients: DuckDB binds a macro's tables when it is created, and the
     * speed tables are created by the speed sink, which may start after this store. So the first query creates them.
     */
    private void createViewsOnce(Connection connection) throws SQLException {
        if (viewsCreated) {
            return;
        }
        synchronized (this) {
            if (!viewsCreated) {
                try (Statement sql = connection.createStatement()) {
                    for (Map.Entry<String, String> view : UnifiedSalesSql.views(DIALECT).entrySet()) {
                        sql.execute(DIALECT.createView(view.getKey(), view.getValue()));
                    }
                }
                viewsCreated = true;
            }
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        Connection connection;
        try {
            connection = connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a DuckDB connection", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB serving store: " + e.getMessage(), e);
        } finally {
            connections.add(connection);
        }
    }

    private static SalesTotals totals(ResultSet rows) throws SQLException {
        return new SalesTotals(rows.getLong("order_count"), rows.getLong("sales_quantity"),
                money(rows.getBigDecimal("extended_sales_amount")), money(rows.getBigDecimal("extended_discount_amount")));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String columns(List<BatchViews.Column> columns) {
        return columns.stream().map(c -> c.name() + " " + type(c.type())).collect(Collectors.joining(", "));
    }

    private static String type(BatchViews.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case DATE -> "DATE";
            case BIGINT -> "BIGINT";
            case MONEY -> "DECIMAL(18,2)";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing a DuckDB connection failed: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    /**
     * Speed tables hold the latest version of each key, deletes kept as {@code _deleted} markers; the batch schema
     * only the served export.
     */
    private static final class Dialect implements SqlDialect {

        /** One row per key here, its latest version: the changed ones are those committed since. */
        @Override
        public String changedSpeedRows(String table, String alias, String since) {
            return "(select * from " + speedTable(table) + " where " + COMMITTED_AT + " >= " + since + ") as " + alias;
        }

        @Override
        public String deletedFlag(String alias) {
            return "cast(" + alias + "." + DELETED + " as integer)";
        }

        @Override
        public String speedTable(String table) {
            return "speed." + table;
        }

        /** A temporary table: this connection's own, gone at its end. */
        @Override
        public String createScratchTable(String name, String select) {
            return "create or replace temp table " + name + " as " + select;
        }

        @Override
        public String scratchTable(String name) {
            return name;
        }

        @Override
        public String batchView(String view, String exportId, String alias) {
            return "batch." + view + " as " + alias;
        }

        /** The schema holds only the served export; its watermark is the newest in {@code exports}. */
        @Override
        public Binding viewBinding() {
            return new Binding() {
                @Override
                public String declarations() {
                    return "served as (select coalesce(arg_max(watermark, export_id), " + timestampLiteral(Instant.EPOCH)
                            + ") as watermark from batch." + BatchTables.EXPORTS + "), ";
                }

                @Override
                public String batchView(String view, String alias) {
                    return Dialect.this.batchView(view, "", alias);
                }

                @Override
                public String watermark() {
                    return "(select watermark from served)";
                }

                @Override
                public String rangeStart() {
                    return "\"from\"";
                }

                @Override
                public String rangeEnd() {
                    return "\"to\"";
                }
            };
        }

        @Override
        public String daysOfRange(String start, String end) {
            return "(select cast(unnest(generate_series(" + start + ", " + end + ", interval 1 day)) as date) as day) as days";
        }

        @Override
        public String createView(String name, String select) {
            return "create or replace macro " + name + "(\"from\", \"to\") as table " + select;
        }

        @Override
        public String settings() {
            return "";
        }

        @Override
        public String dateLiteral(LocalDate date) {
            return "date '" + date + "'";
        }

        @Override
        public String dateOf(String timestampExpression) {
            return "cast(" + timestampExpression + " as date)";
        }

        @Override
        public String timestampLiteral(Instant instant) {
            return "timestamp '" + MICROS.format(instant) + "'";
        }

        @Override
        public String nullOf(BatchViews.Type type) {
            return "cast(null as " + type(type) + ")";
        }

        @Override
        public String countType() {
            return "bigint";
        }

        @Override
        public String moneyType() {
            return "decimal(38,2)";
        }
    }
}
