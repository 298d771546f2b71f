package org.rainbow.speed.sink.clickhouse;

import org.rainbow.speed.sink.EngineTypes;

/** ClickHouse's type names; timestamps to the microsecond in UTC. */
public final class ClickHouseTypes implements EngineTypes {

    /** A speed row's {@code _deleted} flag. */
    static final String FLAG = "UInt8";
    /** The source LSN a speed row's version is. */
    static final String UNSIGNED_BIGINT = "UInt64";

    @Override
    public String text() {
        return "String";
    }

    @Override
    public String bigint() {
        return "Int64";
    }

    @Override
    public String integer() {
        return "Int32";
    }

    @Override
    public String date() {
        return "Date32";
    }

    @Override
    public String timestamp() {
        return "DateTime64(6, 'UTC')";
    }

    @Override
    public String decimal(int precision, int scale) {
        return "Decimal(" + precision + ", " + scale + ")";
    }

    @Override
    public String nullable(String type) {
        return "Nullable(" + type + ")";
    }
}
