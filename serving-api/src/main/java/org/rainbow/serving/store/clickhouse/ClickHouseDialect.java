package org.rainbow.serving.store.clickhouse;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.VERSION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.Binding;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.speed.sink.EngineTypes;
import org.rainbow.speed.sink.clickhouse.ClickHouseTypes;

/**
 * ClickHouse's SQL: speed tables merge versions at query time. Batch views of several exports live side by side: the
 * unified views read the served one (the newest in {@code exports}) in SQL, as scalars computed before the query
 * runs, so that partitions and indexes are chosen by them as by literals.
 */
final class ClickHouseDialect implements SqlDialect {

    private static final EngineTypes TYPES = new ClickHouseTypes();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final String database;
    private final String speedDatabase;

    ClickHouseDialect(String database, String speedDatabase) {
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
    public String batchTable(String name) {
        return database + "." + name;
    }

    @Override
    public String batchView(String view, String exportId, String alias) {
        return "(select * from " + batchTable(view) + " where export_id = '" + exportId.replace("'", "") + "') as " + alias;
    }

    /** The served export is the newest in {@code exports}: scalars ClickHouse computes before the query runs. */
    @Override
    public Binding viewBinding() {
        return new Binding() {
            @Override
            public String declarations() {
                return "(select max(export_id) from " + batchTable(BatchTables.EXPORTS) + ") as served_export, "
                        + "(select argMax(watermark, export_id) from " + batchTable(BatchTables.EXPORTS)
                        + ") as served_watermark, ";
            }

            @Override
            public String batchView(String view, String alias) {
                return "(select * from " + batchTable(view) + " where export_id = served_export) as " + alias;
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
     * settings of {@link ClickHouseServingStore#connect} travel with a view, so that a BI tool's query runs as
     * serving-api's does.
     */
    @Override
    public String settings() {
        return "settings join_use_nulls = 1, use_statistics = 0, optimize_move_to_prewhere = 0";
    }

    @Override
    public EngineTypes types() {
        return TYPES;
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
    public String dateLiteral(LocalDate date) {
        return "toDate32('" + date + "')";
    }
}
