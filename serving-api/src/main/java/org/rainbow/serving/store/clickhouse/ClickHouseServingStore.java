package org.rainbow.serving.store.clickhouse;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.VERSION;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rainbow.storage.export.BatchViews;

/**
 * The serving store on ClickHouse. Speed tables ({@code ReplacingMergeTree(_version, _deleted)}, written by
 * stream-bridge) are read with {@code FINAL}. Batch views live in {@code database}, partitioned by export:
 * an export's rows are inserted with a deduplication token per file (so two instances loading the same
 * export insert it once), then the export is recorded in {@code exports}, which is what makes it served.
 * Older exports are dropped a partition at a time.
 */
public final class ClickHouseServingStore implements ServingStore {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseServingStore.class);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    /** Exports kept: the served one and the one before, which a query that began before a load may still read. */
    private static final int KEPT_EXPORTS = 2;

    /**
     * How long the served export is taken as known without asking: it changes at most once a partition run, and
     * an export another instance loaded is then seen within this time. Saves a round trip per query.
     */
    private static final long POINTER_TTL_NANOS = 1_000_000_000L;

    private final Client client;
    private final String database;
    private final Dialect dialect;
    private volatile Served served;

    private ClickHouseServingStore(Client client, String database, String speedDatabase) {
        this.client = client;
        this.database = database;
        this.dialect = new Dialect(database, speedDatabase);
    }

    public static ClickHouseServingStore connect(ServingStoreProperties.ClickHouse settings) {
        // Column statistics and the automatic PREWHERE cost ClickHouse 26.7 ~10 ms per lookup of a few thousand
        // orders among millions of batch lines, found by benchmark P4, more than they ever save on these queries.
        Client client = new Client.Builder().addEndpoint(settings.url()).setUsername(settings.user())
                .setPassword(settings.password()).serverSetting("use_statistics", "0")
                .serverSetting("optimize_move_to_prewhere", "0").build();
        ClickHouseServingStore store = new ClickHouseServingStore(client, settings.database(), settings.speedDatabase());
        store.createTablesAndViews();
        log.info("serving store: ClickHouse {} (batch views in {}, speed tables in {})", settings.url(),
                settings.database(), settings.speedDatabase());
        return store;
    }

    /**
     * The batch tables (a column a newer release exports is added to an existing table; its rows get it with the
     * next export), then the unified views: a parameterized view is checked when called, not when created, so it
     * does not wait for stream-bridge to create the speed tables.
     */
    private void createTablesAndViews() {
        execute("create database if not exists " + database);
        for (BatchViews.View view : BatchViews.ALL) {
            execute("create table if not exists " + database + "." + view.name() + " (" + columns(view.columns())
                    + ") engine = MergeTree partition by export_id order by (" + String.join(", ", view.sortKey())
                    + ") settings non_replicated_deduplication_window = 1000");
            for (BatchViews.Column column : view.columns()) {
                execute("alter table " + database + "." + view.name() + " add column if not exists "
                        + columns(List.of(column)));
            }
        }
        execute("create table if not exists " + database + "." + BatchTables.EXPORTS + " ("
                + columns(BatchTables.EXPORT_COLUMNS) + ") engine = MergeTree order by export_id"
                + " settings non_replicated_deduplication_window = 1000");
        UnifiedSalesSql.views(dialect).forEach((name, select) -> execute(dialect.createView(name, select)));
    }

    @Override
    public Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to) {
        Map<LocalDate, SalesTotals> days = new LinkedHashMap<>();
        for (GenericRecord row : select(unified(Breakdown.DAY, from, to, "order by date"))) {
            days.put(row.getLocalDate("date"), totals(row));
        }
        return days;
    }

    @Override
    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        return select(unified(breakdown, from, to, "order by extended_sales_amount desc, " + breakdown.keys().stream()
                .map(Attribute::column).collect(Collectors.joining(", ")) + " limit " + limit)).stream()
                .map(row -> new SliceSales(breakdown.keys().stream().map(key -> value(row, key)).toList(), totals(row)))
                .toList();
    }

    /** The rule bound to the served export and the range, its rows ordered (and cut) by {@code order}. */
    private String unified(Breakdown breakdown, LocalDate from, LocalDate to, String order) {
        Optional<LoadedExport> export = currentExport();
        return UnifiedSalesSql.select(dialect, Binding.of(dialect, export.map(LoadedExport::exportId).orElse(""),
                export.map(LoadedExport::watermark).orElse(Instant.EPOCH), from, to), breakdown) + "\n" + order + "\n"
                + dialect.settings();
    }

    @Override
    public Optional<LoadedExport> currentExport() {
        Served cached = served;
        if (cached != null && System.nanoTime() - cached.readAt() < POINTER_TTL_NANOS) {
            return cached.export();
        }
        Optional<LoadedExport> export = readCurrentExport();
        served = new Served(export, System.nanoTime());
        return export;
    }

    private Optional<LoadedExport> readCurrentExport() {
        return select("select export_id, watermark, exported_at, partition_date, loaded_at from " + database
                        + "." + BatchTables.EXPORTS + " order by export_id desc limit 1").stream().findFirst()
                .map(row -> new LoadedExport(row.getString("export_id"), instant(row, "watermark"),
                        instant(row, "exported_at"), row.getLocalDate("partition_date"), instant(row, "loaded_at")));
    }

    @Override
    public SpeedProgress speedProgress() {
        String speed = dialect.speedDatabase;
        GenericRecord row = select(("select nullIf(max(%1$s), toDateTime64(0, 6, 'UTC')) as committed, "
                + "nullIf(max(%2$s), toDateTime64(0, 6, 'UTC')) as written from ("
                + "select %1$s, %2$s from %3$s.orders union all select %1$s, %2$s from %3$s.order_details)")
                .formatted(COMMITTED_AT, WRITTEN_AT, speed)).get(0);
        return new SpeedProgress(instant(row, "committed"), instant(row, "written"));
    }

    @Override
    public void load(BatchExport export, ObjectStorage storage) {
        Optional<LoadedExport> served = readCurrentExport();
        if (served.filter(s -> s.isAtLeast(export.exportId())).isPresent()) {
            return;
        }
        served.ifPresent(s -> s.refuseEarlier(export.exportId(), export.watermark()));
        for (BatchViews.View view : BatchViews.ALL) {
            BatchExport.View exported = export.view(view.name());
            for (int part = 0; part < exported.keys().size(); part++) {
                String key = exported.keys().get(part);
                try (InputStream parquet = storage.open(key)) {
                    client.insert(database + "." + view.name(), BatchViews.columnNames(view), parquet,
                            ClickHouseFormat.Parquet, new InsertSettings().setDeduplicationToken(
                                    export.exportId() + "/" + view.name() + "/" + part)).get(10, TimeUnit.MINUTES).close();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + key + ": " + e.getMessage(), e);
                } catch (Exception e) {
                    throw failure("loading " + view.name() + " of export " + export.exportId(), e);
                }
            }
            long rows = count(database + "." + view.name(), export.exportId());
            if (rows != exported.rows()) {
                throw new IllegalStateException("export " + export.exportId() + " view " + view.name() + " holds "
                        + rows + " rows in ClickHouse, its manifest says " + exported.rows());
            }
        }
        execute("insert into " + database + "." + BatchTables.EXPORTS + " settings insert_deduplication_token = '"
                + export.exportId() + "/exports' values ('" + export.exportId() + "', "
                + dialect.timestampLiteral(export.watermark()) + ", " + dialect.timestampLiteral(export.exportedAt())
                + ", " + dialect.dateLiteral(export.partition()) + ", now64(6))");
        served = null;
        dropExportsBefore(export.exportId());
        log.info("serving batch export {} (watermark {})", export.exportId(), export.watermark());
    }

    /**
     * Lightweight deletes: concurrent inserts of the sink are untouched, a second instance's run finds nothing. The
     * scratch table's name is this run's own, so two instances compacting at once do not share one.
     */
    @Override
    public SpeedRows compactSpeed() {
        readCurrentExport().ifPresent(served -> {
            SpeedCompactionSql.Run run = SpeedCompactionSql.run(dialect, served.exportId(), served.watermark(),
                    "settled_orders_" + UUID.randomUUID().toString().replace("-", ""));
            execute(run.settle());
            try {
                run.deletes().forEach(this::execute);
            } finally {
                execute(run.cleanUp());
            }
            // A lightweight delete only masks rows; rewriting the parts without them keeps scans and disk small.
            for (String table : run.tables()) {
                execute("alter table " + dialect.speedTable(table) + " apply deleted mask");
            }
        });
        return speedRows();
    }

    @Override
    public SpeedRows speedRows() {
        String speed = dialect.speedDatabase;
        GenericRecord row = select("select (select count() from " + speed + ".orders) as orders, (select count() from "
                + speed + ".order_details) as lines").get(0);
        return new SpeedRows(row.getLong("orders"), row.getLong("lines"));
    }

    @Override
    public void close() {
        client.close();
    }

    private void dropExportsBefore(String served) {
        List<String> older = select("select distinct export_id from " + database + "." + BatchTables.EXPORTS
                        + " where export_id < '" + served + "' order by export_id desc").stream()
                .map(r -> r.getString("export_id")).skip(KEPT_EXPORTS - 1).toList();
        for (String exportId : older) {
            for (BatchViews.View view : BatchViews.ALL) {
                execute("alter table " + database + "." + view.name() + " drop partition '" + exportId + "'");
            }
        }
    }

    private long count(String table, String exportId) {
        return select("select count() as n from " + table + " where export_id = '" + exportId + "'")
                .get(0).getLong("n");
    }

    /** Every read goes through here: a server that is down or refuses becomes the store's "cannot answer". */
    private List<GenericRecord> select(String sql) {
        try {
            return client.queryAll(sql);
        } catch (RuntimeException e) {
            throw failure("query", e);
        }
    }

    private void execute(String sql) {
        try {
            client.execute(sql).get(2, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("ClickHouse serving store, " + what + ": " + e.getMessage(), e);
    }

    private static SalesTotals totals(GenericRecord row) {
        return new SalesTotals(row.getLong("order_count"), row.getLong("sales_quantity"),
                money(row.getBigDecimal("extended_sales_amount")), money(row.getBigDecimal("extended_discount_amount")));
    }

    private static Instant instant(GenericRecord row, String column) {
        return row.hasValue(column) ? row.getZonedDateTime(column).toInstant() : null;
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String columns(List<BatchViews.Column> columns) {
        return columns.stream().map(c -> c.name() + " " + (c.nullable() ? "Nullable(" + type(c.type()) + ")" : type(c.type())))
                .collect(Collectors.joining(", "));
    }

    private static String type(BatchViews.Type type) {
        return switch (type) {
            case TEXT -> "String";
            case DATE -> "Date32";
            case BIGINT -> "Int64";
            case MONEY -> "Decimal(18, 2)";
            case TIMESTAMP -> "DateTime64(6, 'UTC')";
        };
    }

    private static Object value(GenericRecord row, Attribute attribute) {
        if (!row.hasValue(attribute.column())) {
            return null;
        }
        return attribute.type() == BatchViews.Type.BIGINT ? row.getLong(attribute.column())
                : row.getString(attribute.column());
    }

    private record Served(Optional<LoadedExport> export, long readAt) {
    }

    /**
     * Speed tables merge versions at query time. Batch views of several exports live side by side: the unified views
     * read the served one (the newest in {@code exports}) in SQL, as scalars computed before the query runs, so that
     * partitions and indexes are chosen by them as by literals.
     */
    private static final class Dialect implements SqlDialect {

        private final String database;
        private final String speedDatabase;

        Dialect(String database, String speedDatabase) {
            this.database = database;
            this.speedDatabase = speedDatabase;
        }

        /**
         * Versions not merged yet are all stored: the latest of each key, deletes included ({@code FINAL} would drop
         * them), among the versions committed since (the latest of a key changed since is one of them).
         */
        @Override
        public String changedSpeedRows(String table, String alias, String since) {
            return "(select * from " + speedTable(table) + " where " + COMMITTED_AT + " >= " + since
                    + " order by id, " + VERSION + " desc limit 1 by id) as " + alias;
        }

        @Override
        public String deletedFlag(String alias) {
            return "toInt32(" + alias + "." + DELETED + ")";
        }

        @Override
        public String speedTable(String table) {
            return speedDatabase + "." + table;
        }

        /** In memory: a handful of ids per order settled since the last export. */
        @Override
        public String createScratchTable(String name, String select) {
            return "create table " + scratchTable(name) + " engine = Memory as " + select;
        }

        @Override
        public String scratchTable(String name) {
            return speedDatabase + "." + name;
        }

        @Override
        public String batchView(String view, String exportId, String alias) {
            return "(select * from " + database + "." + view + " where export_id = '" + exportId.replace("'", "")
                    + "') as " + alias;
        }

        /** The served export is the newest in {@code exports}: scalars ClickHouse computes before the query runs. */
        @Override
        public Binding viewBinding() {
            return new Binding() {
                @Override
                public String declarations() {
                    return "(select max(export_id) from " + database + "." + BatchTables.EXPORTS + ") as served_export, "
                            + "(select argMax(watermark, export_id) from " + database + "." + BatchTables.EXPORTS
                            + ") as served_watermark, ";
                }

                @Override
                public String batchView(String view, String alias) {
                    return "(select * from " + database + "." + view + " where export_id = served_export) as " + alias;
                }

                @Override
                public String watermark() {
                    return "served_watermark";
                }

                @Override
                public String rangeStart() {
                    return "{from:Date32}";
                }

                @Override
                public String rangeEnd() {
                    return "{to:Date32}";
                }
            };
        }

        @Override
        public String daysOfRange(String start, String end) {
            return "(select arrayJoin(arrayMap(i -> addDays(" + start + ", i), range(toUInt32(greatest(dateDiff('day', "
                    + start + ", " + end + ") + 1, 0))))) as day) as days";
        }

        @Override
        public String createView(String name, String select) {
            return "create or replace view " + database + "." + name + " as " + select + "\n" + settings();
        }

        /**
         * Outer joins give NULL where nothing matches (a promotion an order does not have), as in DuckDB; and the
         * settings of {@link ClickHouseServingStore#connect} travel with a view, so that a BI tool's query runs as serving-api's does.
         */
        @Override
        public String settings() {
            return "settings join_use_nulls = 1, use_statistics = 0, optimize_move_to_prewhere = 0";
        }

        @Override
        public String dateOf(String timestampExpression) {
            return "toDate32(" + timestampExpression + ")";
        }

        @Override
        public String timestampLiteral(Instant instant) {
            return "toDateTime64('" + MICROS.format(instant) + "', 6, 'UTC')";
        }

        @Override
        public String nullOf(BatchViews.Type type) {
            return "cast(null as Nullable(" + type(type) + "))";
        }

        @Override
        public String countType() {
            return "Int64";
        }

        @Override
        public String moneyType() {
            return "Decimal(38, 2)";
        }

        @Override
        public String dateLiteral(LocalDate date) {
            return "toDate32('" + date + "')";
        }
    }
}
