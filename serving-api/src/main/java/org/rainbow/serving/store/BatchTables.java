package org.rainbow.serving.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The batch views as the serving store keeps them, column for column as the batch layer exports them
 * (warehouse-sql {@code agg_daily_*}, {@code order_line_sales} and the {@code *_versions} of master data, plus
 * {@code export_id}), and the table that records which export is served.
 */
public final class BatchTables {

    public enum Type { TEXT, DATE, BIGINT, MONEY, TIMESTAMP }

    public record Column(String name, Type type, boolean nullable) {

        Column(String name, Type type) {
            this(name, type, false);
        }
    }

    /** A batch view: its columns and the columns it is sorted by (and looked up by). */
    public record View(String name, List<Column> columns, List<String> sortKey) {
    }

    private static final Column EXPORT_ID = new Column("export_id", Type.TEXT);
    private static final Column SALES_DATE = new Column("sales_date", Type.DATE);
    private static final List<Column> MEASURES = List.of(new Column("order_count", Type.BIGINT),
            new Column("sales_quantity", Type.BIGINT), new Column("extended_sales_amount", Type.MONEY),
            new Column("extended_discount_amount", Type.MONEY));
    private static final List<Column> LINE_MEASURES = MEASURES.subList(1, MEASURES.size());

    /** {@code order_line_sales}: the live lines behind the aggregates, with every attribute as of order time. */
    public static final View LINES = new View("order_line_sales", Stream.of(
                    Stream.of(EXPORT_ID, new Column("order_line_id", Type.BIGINT), new Column("order_id", Type.BIGINT),
                            SALES_DATE, new Column("ordered_at", Type.TIMESTAMP)),
                    Arrays.stream(Attribute.values()).map(Attribute::asColumn), LINE_MEASURES.stream())
            .flatMap(s -> s).toList(), List.of("order_id", "order_line_id"));

    public static final List<View> VIEWS = Stream.of(
                    Arrays.stream(Breakdown.values()).map(BatchTables::aggregate), Stream.of(LINES),
                    Arrays.stream(VersionedDimension.values()).map(BatchTables::versions))
            .flatMap(s -> s).toList();

    public static final String EXPORTS = "exports";

    public static final List<Column> EXPORT_COLUMNS = List.of(EXPORT_ID,
            new Column("watermark", Type.TIMESTAMP), new Column("exported_at", Type.TIMESTAMP),
            new Column("partition_date", Type.DATE), new Column("loaded_at", Type.TIMESTAMP));

    private BatchTables() {
    }

    private static View aggregate(Breakdown breakdown) {
        List<Column> columns = new ArrayList<>(List.of(EXPORT_ID, SALES_DATE));
        breakdown.keys().forEach(key -> columns.add(key.asColumn()));
        columns.addAll(MEASURES);
        List<String> sort = new ArrayList<>(List.of(SALES_DATE.name()));
        // ClickHouse sorts by no nullable column.
        breakdown.keys().stream().findFirst().map(Attribute::asColumn).filter(key -> !key.nullable())
                .ifPresent(key -> sort.add(key.name()));
        return new View(breakdown.batchView(), List.copyOf(columns), List.copyOf(sort));
    }

    private static View versions(VersionedDimension dimension) {
        List<Column> columns = new ArrayList<>(List.of(EXPORT_ID, new Column(dimension.key(), Type.BIGINT),
                new Column("valid_from", Type.TIMESTAMP)));
        dimension.attributes().forEach(attribute -> columns.add(attribute.asColumn()));
        return new View(dimension.batchView(), List.copyOf(columns), List.of(dimension.key(), "valid_from"));
    }

    public static List<String> columnNames(View view) {
        return view.columns().stream().map(Column::name).toList();
    }
}
