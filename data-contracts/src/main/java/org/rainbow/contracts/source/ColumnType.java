package org.rainbow.contracts.source;

/**
 * Column types of the source tables, as far as the layers tell them apart: any {@code varchar} is {@code TEXT},
 * {@code timestamptz} is {@code TIMESTAMP}.
 */
public enum ColumnType {
    BIGINT, INTEGER, TEXT, DECIMAL, DATE, TIMESTAMP
}
