package org.rainbow.pipeline.model;

import java.util.Locale;

/** dbt's {@code materialized} config. */
public enum Materialization {
    VIEW, TABLE, INCREMENTAL;

    static Materialization of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
