package org.rainbow.bridge.table;

import java.util.List;

/** A table of the Rainbow schema whose changes flow through the speed layer; keyed by {@code id}. */
public record CapturedTable(String name, List<Column> columns) {

    public static final String KEY = "id";

    public CapturedTable {
        columns = List.copyOf(columns);
        if (!columns.get(0).name().equals(KEY)) {
            throw new IllegalArgumentException(name + " must start with its key column " + KEY);
        }
    }

    /** Kafka topic of this table, following Debezium's {@code <prefix>.<schema>.<table>}. */
    public String topic(String prefix) {
        return prefix + ".public." + name;
    }
}
