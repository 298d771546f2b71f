package org.rainbow.speed.sink.clickhouse;

import org.rainbow.contracts.source.Column;

/**
 * ClickHouse's names of the column types Rainbow stores: the speed tables written here and the serving store's batch
 * tables (serving-api) take them from this one place. Timestamps are UTC instants to the microsecond.
 */
public final class ClickHouseTypes {

    public static final String TEXT = "String";
    public static final String BIGINT = "Int64";
    public static final String INTEGER = "Int32";
    public static final String DATE = "Date32";
    public static final String TIMESTAMP = "DateTime64(6, 'UTC')";
    /** A speed row's {@code _deleted} flag. */
    public static final String FLAG = "UInt8";
    /** The source LSN a speed row's version is. */
    public static final String UNSIGNED_BIGINT = "UInt64";

    private ClickHouseTypes() {
    }

    public static String decimal(int precision, int scale) {
        return "Decimal(" + precision + ", " + scale + ")";
    }

    /** {@code type} or NULL. */
    public static String nullable(String type) {
        return "Nullable(" + type + ")";
    }

    /** A captured table's column, {@link #nullable} where the source's is. */
    public static String of(Column column) {
        String type = switch (column.type()) {
            case BIGINT -> BIGINT;
            case INTEGER -> INTEGER;
            case TEXT -> TEXT;
            case DECIMAL -> decimal(column.precision(), column.scale());
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
        };
        return column.nullable() ? nullable(type) : type;
    }
}
