package org.rainbow.serving.store.duckdb;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.Binding;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.speed.sink.EngineTypes;
import org.rainbow.speed.sink.duckdb.DuckDbTypes;

/**
 * DuckDB's SQL: speed tables hold the latest version of each key, deletes kept as {@code _deleted} markers; the
 * batch schema only the served export.
 */
final class DuckDbDialect implements SqlDialect {

    private static final EngineTypes TYPES = new DuckDbTypes();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

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
    public String batchTable(String name) {
        return "batch." + name;
    }

    @Override
    public String batchView(String view, String exportId, String alias) {
        return batchTable(view) + " as " + alias;
    }

    /** The schema holds only the served export; its watermark is the newest in {@code exports}. */
    @Override
    public Binding viewBinding() {
        return new Binding() {
            @Override
            public String declarations() {
                return "served as (select coalesce(arg_max(watermark, export_id), " + timestampLiteral(Instant.EPOCH)
                        + ") as watermark from " + batchTable(BatchTables.EXPORTS) + "), ";
            }

            @Override
            public String batchView(String view, String alias) {
                return DuckDbDialect.this.batchView(view, "", alias);
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
    public EngineTypes types() {
        return TYPES;
    }

    @Override
    public String dateOf(String timestampExpression) {
        return "cast(" + timestampExpression + " as date)";
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "timestamp '" + MICROS.format(instant) + "'";
    }
}
