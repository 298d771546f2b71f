package org.rainbow.pipeline.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.contracts.source.RawLoadColumns;
import org.rainbow.pipeline.partition.PartitionAssets;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.storage.export.BatchViews;

/**
 * The columns warehouse-sql's models output on a DuckDB warehouse (read by DuckDB's {@code describe}), held to
 * the catalogs that say what they must be, as lines {@code <model>.<column> <type>}, so that a difference names the
 * model and the column:
 * <ul>
 * <li>each batch view's export query (what serving loads) against {@link BatchViews}, its DuckDB types read as
 * {@link BatchViews.Type}s. Serving loads the columns by name, so their order is not part of the contract.</li>
 * <li>each staging model {@code stg_<table>} against the source table in {@link RainbowTables}, typed as the
 * extract's Parquet carries them, plus {@code _deleted} and the load columns staging passes on.</li>
 * </ul>
 * DuckDB states no nullability of a view's or a {@code create table as}'s columns, so nullability is not compared.
 */
public final class ModelOutputColumns {

    private static final Pattern MONEY = Pattern.compile("DECIMAL\\(\\d+,2\\)");

    private ModelOutputColumns() {
    }

    /** Each batch view's column its export has and the catalog lacks, or the other way round. */
    public static List<String> batchViewDifferences(Warehouse warehouse) {
        Set<String> catalog = new TreeSet<>();
        Set<String> exported = new TreeSet<>();
        for (BatchViews.View view : BatchViews.ALL) {
            view.columns().forEach(c -> catalog.add(view.name() + "." + c.name() + " " + c.type()));
            describe(warehouse, PartitionAssets.exportQuery(warehouse, "contract", view.name())).forEach(
                    (name, type) -> exported.add(view.name() + "." + name + " " + servedType(type)));
        }
        return differences(catalog, "BatchViews", exported, "the model");
    }

    /** Each staging model's column it outputs and its source table in the catalog lacks, or the other way round. */
    public static List<String> stagingDifferences(Warehouse warehouse) {
        Set<String> catalog = new TreeSet<>();
        Set<String> staged = new TreeSet<>();
        for (CapturedTable table : RainbowTables.ALL) {
            String model = "stg_" + table.name();
            table.columns().forEach(c -> catalog.add(
                    model + "." + c.name() + " " + RawPartition.duckDbType(c).toUpperCase(Locale.ROOT)));
            catalog.add(model + "._deleted BOOLEAN");
            catalog.add(model + "." + RawLoadColumns.PARTITION_DATE + " DATE");
            catalog.add(model + "." + RawLoadColumns.LOADED_AT + " TIMESTAMP");
            describe(warehouse, "select * from " + warehouse.sqlName(new Relation("staging", model)))
                    .forEach((name, type) -> staged.add(model + "." + name + " " + type));
        }
        return differences(catalog, "the catalog", staged, "the model");
    }

    /** The columns and DuckDB types of what {@code select} returns. */
    private static Map<String, String> describe(Warehouse warehouse, String select) {
        Map<String, String> columns = new LinkedHashMap<>();
        warehouse.query("describe " + select, 1_000).rows().forEach(
                row -> columns.put((String) row.get("column_name"), (String) row.get("column_type")));
        return columns;
    }

    /** The served type a DuckDB type exports as; a type serving does not load stays DuckDB's, always a difference. */
    private static String servedType(String duckDbType) {
        return switch (duckDbType) {
            case "VARCHAR" -> BatchViews.Type.TEXT.name();
            case "DATE" -> BatchViews.Type.DATE.name();
            case "BIGINT" -> BatchViews.Type.BIGINT.name();
            case "TIMESTAMP" -> BatchViews.Type.TIMESTAMP.name();
            default -> MONEY.matcher(duckDbType).matches() ? BatchViews.Type.MONEY.name() : duckDbType;
        };
    }

    private static List<String> differences(Set<String> expected, String expectedName, Set<String> actual,
            String actualName) {
        List<String> differences = new ArrayList<>();
        expected.stream().filter(line -> !actual.contains(line))
                .forEach(line -> differences.add("in " + expectedName + ", not in " + actualName + ": " + line));
        actual.stream().filter(line -> !expected.contains(line))
                .forEach(line -> differences.add("in " + actualName + ", not in " + expectedName + ": " + line));
        return differences;
    }
}
