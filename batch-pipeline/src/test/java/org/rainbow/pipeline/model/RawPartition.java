package org.rainbow.pipeline.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.duckdb.DuckDbWarehouse;

/**
 * One day's extract as the batch layer produces it: the versions of each source row changed that day,
 * written to {@code raw/<table>/dt=<date>/part-0.parquet} and loaded into the warehouse {@code raw} schema
 * through {@link DuckDbWarehouse#loadParquetPartition}.
 */
final class RawPartition {

    private final LocalDate date;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    RawPartition(LocalDate date) {
        this.date = date;
        RainbowTables.ALL.forEach(t -> rows.put(t.name(), new ArrayList<>()));
    }

    /** A version of a row: its source columns in order (the catalog's, created_at and updated_at last). */
    RawPartition row(String table, Object... values) {
        return change(table, "U", values);
    }

    /** The delete of a row: its last image (its source columns), as the extract lands it. */
    RawPartition deleted(String table, Object... values) {
        return change(table, "D", values);
    }

    private RawPartition change(String table, String op, Object... values) {
        Object[] withOp = java.util.Arrays.copyOf(values, values.length + 1);
        withOp[values.length] = op;
        rows.get(table).add(withOp);
        return this;
    }

    void load(DuckDbWarehouse warehouse, Path storage) {
        for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
            List<String> columns = new ArrayList<>(RainbowTables.byName(table.getKey()).orElseThrow().columns().stream()
                    .map(c -> c.name() + " " + duckDbType(c)).toList());
            columns.add("change_op varchar");
            String select = select(columns, table.getValue());
            Path file = storage.resolve("raw/" + table.getKey() + "/dt=" + date + "/part-0.parquet");
            file.getParent().toFile().mkdirs();
            warehouse.execute("copy (" + select + ") to '" + file + "' (format parquet)");
            warehouse.loadParquetPartition(new Relation("raw", table.getKey()), file.toString(), date);
        }
    }

    private static String select(List<String> columns, List<Object[]> values) {
        String casts = columns.stream().map(c -> {
            String[] nameType = c.split(" ", 2);
            return "cast(" + nameType[0] + " as " + nameType[1] + ") as " + nameType[0];
        }).collect(Collectors.joining(", "));
        String names = columns.stream().map(c -> c.split(" ", 2)[0]).collect(Collectors.joining(", "));
        if (values.isEmpty()) {
            String nulls = columns.stream().map(c -> "null").collect(Collectors.joining(", "));
            return "select " + casts + " from (select " + nulls + ") as v(" + names + ") where false";
        }
        String rows = values.stream()
                .map(r -> java.util.Arrays.stream(r).map(RawPartition::literal).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
        return "select " + casts + " from (values " + rows + ") as v(" + names + ")";
    }

    /** The source column's type in the Parquet the extract writes. */
    static String duckDbType(Column column) {
        return switch (column.type()) {
            case BIGINT -> "bigint";
            case INTEGER -> "integer";
            case TEXT -> "varchar";
            case DECIMAL -> "decimal(" + column.precision() + "," + column.scale() + ")";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
        };
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof LocalDateTime t) {
            return "timestamp '" + t.toString().replace('T', ' ') + "'";
        }
        if (value instanceof LocalDate d) {
            return "date '" + d + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
