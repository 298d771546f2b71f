package org.rainbow.storage.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The batch views an export holds, column for column as the batch layer writes them (warehouse-sql's
 * {@code agg_daily_*}, {@code order_line_sales} and the {@code *_versions} of master data, plus the export's
 * {@code export_id}) and the serving stores load them. The one declaration both layers read: the pipeline exports
 * these views, the stores create their tables from these columns, serving's cuts and lookups name them, and the
 * BigQuery models are checked against these types.
 */
public final class BatchViews {

    /** A column's type as the serving stores keep it; {@code MONEY} is an exact decimal with two places. */
    public enum Type { TEXT, DATE, BIGINT, MONEY, TIMESTAMP }

    public record Column(String name, Type type, boolean nullable) {

        public Column(String name, Type type) {
            this(name, type, false);
        }
    }

    /** A batch view: its columns and the columns it is sorted by (and looked up by). */
    public record View(String name, List<Column> columns, List<String> sortKey) {
    }

    /**
     * What analysts slice sales by, each as it was when the order was placed: columns of {@code order_line_sales}
     * and of the unified views. A line attribute belongs to the order line (its product at order time), an order
     * attribute to the order (its customer, payment method and promotion at order time).
     */
    public enum Attribute {
        PRODUCT_ID("product_id", Type.BIGINT, false, true),
        PRODUCT_NAME("product_name", Type.TEXT, false, true),
        CATEGORY("category", Type.TEXT, false, true),
        SELLER_ID("seller_id", Type.BIGINT, false, true),
        SELLER_NAME("seller_name", Type.TEXT, false, true),
        CUSTOMER_ID("customer_id", Type.BIGINT, true, false),
        CUSTOMER_CITY("customer_city", Type.TEXT, true, false),
        PAYMENT_ID("payment_id", Type.BIGINT, false, false),
        PAYMENT_METHOD("payment_method", Type.TEXT, false, false),
        PROMOTION_ID("promotion_id", Type.BIGINT, true, false),
        PROMOTION_NAME("promotion_name", Type.TEXT, true, false),
        PROMOTION_TYPE("promotion_type", Type.TEXT, true, false);

        private final String column;
        private final Type type;
        private final boolean nullable;
        private final boolean ofLine;

        Attribute(String column, Type type, boolean nullable, boolean ofLine) {
            this.column = column;
            this.type = type;
            this.nullable = nullable;
            this.ofLine = ofLine;
        }

        public String column() {
            return column;
        }

        public Type type() {
            return type;
        }

        public boolean ofLine() {
            return ofLine;
        }

        public Column asColumn() {
            return new Column(column, type, nullable);
        }
    }

    /** A daily aggregate: the measures per day and value of its key attributes (none: per day). */
    public record Aggregate(String name, List<Attribute> keys) {

        public Aggregate(String name, Attribute... keys) {
            this(name, List.of(keys));
        }

        public View view() {
            List<Column> columns = new ArrayList<>(List.of(EXPORT_ID, SALES_DATE));
            keys.forEach(key -> columns.add(key.asColumn()));
            columns.addAll(MEASURES);
            List<String> sort = new ArrayList<>(List.of(SALES_DATE.name()));
            // ClickHouse sorts by no nullable column.
            keys.stream().findFirst().map(Attribute::asColumn).filter(key -> !key.nullable())
                    .ifPresent(key -> sort.add(key.name()));
            return new View(name, List.copyOf(columns), List.copyOf(sort));
        }
    }

    /** The versions of one kind of master data: its attributes for each natural {@code key}, valid from a time. */
    public record Versions(String name, String key, List<Attribute> attributes) {

        public Versions(String name, String key, Attribute... attributes) {
            this(name, key, List.of(attributes));
        }

        public View view() {
            List<Column> columns = new ArrayList<>(List.of(EXPORT_ID, new Column(key, Type.BIGINT),
                    new Column("valid_from", Type.TIMESTAMP)));
            attributes.forEach(attribute -> columns.add(attribute.asColumn()));
            return new View(name, List.copyOf(columns), List.of(key, "valid_from"));
        }
    }

    private static final Column EXPORT_ID = new Column("export_id", Type.TEXT);
    private static final Column SALES_DATE = new Column("sales_date", Type.DATE);
    private static final List<Column> MEASURES = List.of(new Column("order_count", Type.BIGINT),
            new Column("sales_quantity", Type.BIGINT), new Column("extended_sales_amount", Type.MONEY),
            new Column("extended_discount_amount", Type.MONEY));

    public static final Aggregate DAILY = new Aggregate("agg_daily_sales");
    public static final Aggregate BY_PRODUCT = new Aggregate("agg_daily_product_sales", Attribute.PRODUCT_ID,
            Attribute.PRODUCT_NAME, Attribute.CATEGORY);
    public static final Aggregate BY_SELLER = new Aggregate("agg_daily_seller_sales", Attribute.SELLER_ID,
            Attribute.SELLER_NAME);
    public static final Aggregate BY_PAYMENT = new Aggregate("agg_daily_payment_sales", Attribute.PAYMENT_ID,
            Attribute.PAYMENT_METHOD);
    public static final Aggregate BY_CATEGORY = new Aggregate("agg_daily_category_sales", Attribute.CATEGORY);
    public static final Aggregate BY_CITY = new Aggregate("agg_daily_city_sales", Attribute.CUSTOMER_CITY);
    public static final Aggregate BY_PROMOTION = new Aggregate("agg_daily_promotion_sales", Attribute.PROMOTION_ID,
            Attribute.PROMOTION_NAME, Attribute.PROMOTION_TYPE);

    /** {@code order_line_sales}: the live lines behind the aggregates, with every attribute as of order time. */
    public static final View LINES = new View("order_line_sales", Stream.of(
                    Stream.of(EXPORT_ID, new Column("order_line_id", Type.BIGINT), new Column("order_id", Type.BIGINT),
                            SALES_DATE, new Column("ordered_at", Type.TIMESTAMP)),
                    Stream.of(Attribute.values()).map(Attribute::asColumn), MEASURES.stream().skip(1))
            .flatMap(s -> s).toList(), List.of("order_id", "order_line_id"));

    public static final Versions PRODUCT_VERSIONS = new Versions("product_versions", "product_id", Attribute.SELLER_ID,
            Attribute.PRODUCT_NAME, Attribute.CATEGORY);
    public static final Versions SELLER_VERSIONS = new Versions("seller_versions", "seller_id", Attribute.SELLER_NAME);
    public static final Versions CUSTOMER_VERSIONS = new Versions("customer_versions", "customer_id",
            Attribute.CUSTOMER_CITY);
    public static final Versions PAYMENT_VERSIONS = new Versions("payment_versions", "payment_id",
            Attribute.PAYMENT_METHOD);
    public static final Versions PROMOTION_VERSIONS = new Versions("promotion_versions", "promotion_id",
            Attribute.PROMOTION_NAME, Attribute.PROMOTION_TYPE);

    /** In export order: the daily aggregates, the order lines behind them, the versions of master data. */
    public static final List<View> ALL = Stream.of(
                    Stream.of(DAILY, BY_PRODUCT, BY_SELLER, BY_PAYMENT, BY_CATEGORY, BY_CITY, BY_PROMOTION)
                            .map(Aggregate::view),
                    Stream.of(LINES),
                    Stream.of(PRODUCT_VERSIONS, SELLER_VERSIONS, CUSTOMER_VERSIONS, PAYMENT_VERSIONS, PROMOTION_VERSIONS)
                            .map(Versions::view))
            .flatMap(s -> s).toList();

    private BatchViews() {
    }

    public static List<String> names() {
        return ALL.stream().map(View::name).toList();
    }

    public static List<String> columnNames(View view) {
        return view.columns().stream().map(Column::name).toList();
    }
}
