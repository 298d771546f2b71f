package org.rainbow.contracts.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a statement of the source tables says, one line per fact ({@code orders.total_amount DECIMAL(12,2) not
 * null}, {@code orders key (id)}), so that the catalog and another home of the same facts compare as sets of lines,
 * and a difference reads as the fact that is missing on one side.
 */
final class CatalogStatements {

    private CatalogStatements() {
    }

    /** Tables, columns with their types and nullability, and keys. */
    static Set<String> full(List<CapturedTable> catalog) {
        Set<String> lines = new TreeSet<>();
        for (CapturedTable table : catalog) {
            lines.add(key(table.name(), List.of(CapturedTable.KEY)));
            table.columns().forEach(c -> lines.add(column(table.name(), c.name(), type(c), c.nullable())));
        }
        return lines;
    }

    /** Tables and their column names only: what {@code sources.yml} states. */
    static Set<String> names(List<CapturedTable> catalog) {
        Set<String> lines = new TreeSet<>();
        for (CapturedTable table : catalog) {
            lines.add(table.name());
            table.columns().forEach(c -> lines.add(table.name() + "." + c.name()));
        }
        return lines;
    }

    static String column(String table, String column, String type, boolean nullable) {
        return table + "." + column + " " + type + (nullable ? " null" : " not null");
    }

    static String key(String table, List<String> columns) {
        return table + " key (" + String.join(", ", columns) + ")";
    }

    static String type(Column column) {
        return column.type() == ColumnType.DECIMAL
                ? "DECIMAL(" + column.precision() + "," + column.scale() + ")" : column.type().name();
    }

    /** Each line one side states and the other does not, saying which side states it. */
    static List<String> differences(Set<String> catalog, Set<String> other, String otherName) {
        List<String> differences = new ArrayList<>();
        catalog.stream().filter(line -> !other.contains(line))
                .forEach(line -> differences.add("in the catalog, not in " + otherName + ": " + line));
        other.stream().filter(line -> !catalog.contains(line))
                .forEach(line -> differences.add("in " + otherName + ", not in the catalog: " + line));
        return differences;
    }

    /** A copy of the catalog with one table's columns changed: how the tests show a rule catches a violation. */
    static List<CapturedTable> withColumns(String table, UnaryOperator<List<Column>> change) {
        return RainbowTables.ALL.stream().map(t -> !t.name().equals(table) ? t
                : new CapturedTable(t.name(), change.apply(new ArrayList<>(t.columns())), t.versioned())).toList();
    }

    static UnaryOperator<List<Column>> adding(Column column) {
        return columns -> {
            columns.add(column);
            return columns;
        };
    }

    static UnaryOperator<List<Column>> removing(String name) {
        return columns -> {
            columns.removeIf(c -> c.name().equals(name));
            return columns;
        };
    }
}
