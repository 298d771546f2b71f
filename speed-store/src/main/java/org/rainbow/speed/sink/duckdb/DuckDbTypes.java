package org.rainbow.speed.sink.duckdb;

import org.rainbow.speed.sink.EngineTypes;

/** DuckDB's type names; timestamps are UTC because every connection to the file runs in UTC. */
public final class DuckDbTypes implements EngineTypes {

    static final String BOOLEAN = "BOOLEAN";
    /** The source LSN a speed row's version is. */
    static final String UNSIGNED_BIGINT = "UBIGINT";

    @Override
    public String text() {
        return "VARCHAR";
    }

    @Override
    public String bigint() {
        return "BIGINT";
    }

    @Override
    public String integer() {
        return "INTEGER";
    }

    @Override
    public String date() {
        return "DATE";
    }

    @Override
    public String timestamp() {
        return "TIMESTAMP";
    }

    @Override
    public String decimal(int precision, int scale) {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    /** Any column may hold NULL unless declared {@code NOT NULL}. */
    @Override
    public String nullable(String type) {
        return type;
    }
}
