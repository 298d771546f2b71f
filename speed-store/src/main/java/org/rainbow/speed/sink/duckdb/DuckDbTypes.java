package org.rainbow.speed.sink.duckdb;

import org.rainbow.contracts.source.Column;

/**
 * DuckDB's names of the column types Rainbow stores: the speed tables written here and the serving store's batch
 * tables (serving-api) take them from this one place. Timestamps are UTC instants: both open the file in UTC.
 */
public final class DuckDbTypes {

    public static final String TEXT = "VARCHAR";
    public static final String BIGINT = "BIGINT";
    public static final String INTEGER = "INTEGER";
    public static final String DATE = "DATE";
    public static final String TIMESTAMP = "TIMESTAMP";
    public static final String BOOLEAN = "BOOLEAN";
    /** The source LSN a speed row's version is. */
    public static final String UNSIGNED_BIGINT = "UBIGINT";

    private DuckDbTypes() {
    }

    public static String decimal(int precision, int scale) {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    /** A captured table's column. */
    public static String of(Column column) {
        return switch (column.type()) {
            case BIGINT -> BIGINT;
            case INTEGER -> INTEGER;
            case TEXT -> TEXT;
            case DECIMAL -> decimal(column.precision(), column.scale());
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
        };
    }
}
