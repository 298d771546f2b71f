package org.rainbow.bridge.table;

/** Column types of the Rainbow schema, as far as the speed layer needs to tell them apart. */
public enum ColumnType {
    BIGINT, INTEGER, TEXT, DECIMAL, DATE, TIMESTAMP
}
