package org.rainbow.contracts.source;

import java.util.List;

/**
 * A table of the Rainbow schema whose changes flow through the speed layer; keyed by {@code id}. A
 * {@code versioned} table (master data) also keeps every version of each row in {@link #versionsTable()},
 * keyed by {@code (id, updated_at)}: serving names an order's lines as they were when it was placed.
 */
public record CapturedTable(String name, List<Column> columns, boolean versioned) {

    public static final String KEY = "id";
    /** What tells the versions of one row apart: the time of each change (a delete repeats the last one). */
    public static final String VERSION_TIME = "updated_at";

    public CapturedTable {
        columns = List.copyOf(columns);
        if (!columns.get(0).name().equals(KEY)) {
            throw new IllegalArgumentException(name + " must start with its key column " + KEY);
        }
        if (versioned && columns.stream().noneMatch(c -> c.name().equals(VERSION_TIME))) {
            throw new IllegalArgumentException(name + " keeps versions, so it needs the column " + VERSION_TIME);
        }
    }

    /** Kafka topic of this table, following Debezium's {@code <prefix>.<schema>.<table>}. */
    public String topic(String prefix) {
        return prefix + ".public." + name;
    }

    /** The speed table that keeps every version of a versioned table's rows. */
    public String versionsTable() {
        if (!versioned) {
            throw new IllegalStateException(name + " keeps only the latest version of each row");
        }
        return name + "_versions";
    }
}
