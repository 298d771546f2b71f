package org.rainbow.contracts.source;

/** One column of a captured table; {@code precision}/{@code scale} only matter for {@link ColumnType#DECIMAL}. */
public record Column(String name, ColumnType type, boolean nullable, int precision, int scale) {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, false, 0, 0);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, true, 0, 0);
    }

    static Column decimal(String name, int precision, int scale) {
        return new Column(name, ColumnType.DECIMAL, false, precision, scale);
    }
}
