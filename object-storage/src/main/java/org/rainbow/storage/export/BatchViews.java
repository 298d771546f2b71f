package org.rainbow.storage.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch views an export holds, column for column as the batch layer writes them (warehouse-sql's
 * {@code agg_daily_*} and {@code order_line_sales}, plus the export's {@code export_id}) and the serving stores
 * load them. The one declaration both layers read: the pipeline exports these views, the stores create their
 * tables from these columns, and the BigQuery models are checked against these types.
 */
public final class BatchViews {

    /** A column's type as the serving stores keep it; {@code MONEY} is an exact decimal with two places. */
    public enum Type { TEXT, DATE, BIGINT, MONEY, TIMESTAMP }

    public record Column(String name, Type type) {
    }

    /** A batch view: its columns and the columns it is sorted by (and looked up by). */
    public record View(String name, List<Column> columns, List<String> sortKey) {
    }

    private static final List<Column> MEASURES = List.of(new Column("order_count", Type.BIGINT),
            new Column("sales_quantity", Type.BIGINT), new Column("extended_sales_amount", Type.MONEY),
            new Column("extended_discount_amount", Type.MONEY));

    /** In export order: the daily aggregates, then the order lines behind them. */
    public static final List<View> ALL = List.of(
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

    private BatchViews() {
    }

    public static List<String> names() {
        return ALL.stream().map(View::name).toList();
    }

    public static List<String> columnNames(View view) {
        return view.columns().stream().map(Column::name).toList();
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
}
