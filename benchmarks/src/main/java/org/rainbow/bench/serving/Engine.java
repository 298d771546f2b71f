package org.rainbow.bench.serving;

import java.util.Locale;

/** The serving stores P4 measures, named on the command line as in serving-api's {@code rainbow.serving.engine}. */
enum Engine {
    CLICKHOUSE, DUCKDB;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
