package org.rainbow.serving.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch views as the serving store keeps them, column for column as the batch layer exports them
 * (warehouse-sql {@code agg_daily_*} and {@code order_line_sales}, plus {@code export_id}), and the table
 * that records which export is served.
 */
public final class BatchTables {

    public enum Type { TEXT, DATE, BIGINT, MONEY, TIMESTAMP }

    public record Column(String name, Type type) {
    }

    /** A batch view: its columns and the columns it is sorted by (and looked up by). */
    public record View(String name, List<Column> columns, List<String> sortKey) {
    }

    private static final List<Column> MEASURES = List.of(new Column("order_count", Type.BIGINT),
            new Column("sales_quantity", Type.BIGINT), new Column("extended_sales_amount", Type.MONEY),
            new Column("extended_discount_amount", Type.MONEY));

    public static final List<View> VIEWS = List.of(
            aggregate("agg_daily_sales"),
            aggregate("agg_daily_product_sales", new Column("product_id", Type.BIGINT)),
            aggregate("agg_daily_seller_sales", new Column("seller_id", Type.BIGINT)),
            aggregate("agg_daily_payment_sales", new Column("payment_id", Type.BIGINT), new Column("method", Type.TEXT)),
            new View("order_line_sales", List.of(new Column("export_id", Type.TEXT),
                    new Column("order_line_id", Type.BIGINT), new Column("order_id", Type.BIGINT),
                    new Column("sales_date", Type.DATE), new Column("product_id", Type.BIGINT),
                    new Column("seller_id", Type.BIGINT), new Column("payment_id", Type.BIGINT),
                    new Column("sales_quantity", Type.BIGINT), new Column("extended_sales_amount", Type.MONEY),
                    new Column("extended_discount_amount", Type.MONEY)), List.of("order_id", "order_line_id")));

    public static final String EXPORTS = "exports";

    public static final List<Column> EXPORT_COLUMNS = List.of(new Column("export_id", Type.TEXT),
            new Column("watermark", Type.TIMESTAMP), new Column("exported_at", Type.TIMESTAMP),
            new Column("partition_date", Type.DATE), new Column("loaded_at", Type.TIMESTAMP));

    private BatchTables() {
    }

    private static View aggregate(String name, Column... keys) {
        List<Column> columns = new ArrayList<>(List.of(new Column("export_id", Type.TEXT),
                new Column("sales_date", Type.DATE)));
        columns.addAll(List.of(keys));
        columns.addAll(MEASURES);
        List<String> sort = new ArrayList<>(List.of("sales_date"));
        if (keys.length > 0) {
            sort.add(keys[0].name());
        }
        return new View(name, List.copyOf(columns), List.copyOf(sort));
    }

    public static List<String> columnNames(View view) {
        return view.columns().stream().map(Column::name).toList();
    }
}
