package org.rainbow.serving.store;

/**
 * How sales are cut: per day, or per key of one dimension over the whole range. Each cut names its batch view
 * and the key's column in the batch views ({@code payment_id} is a key of the order, the others of its lines).
 */
public enum Breakdown {
    DAY("agg_daily_sales", null),
    PRODUCT("agg_daily_product_sales", "product_id"),
    SELLER("agg_daily_seller_sales", "seller_id"),
    PAYMENT("agg_daily_payment_sales", "payment_id");

    private final String batchView;
    private final String keyColumn;

    Breakdown(String batchView, String keyColumn) {
        this.batchView = batchView;
        this.keyColumn = keyColumn;
    }

    public String batchView() {
        return batchView;
    }

    /** The key column, {@code null} for {@link #DAY}. */
    public String keyColumn() {
        return keyColumn;
    }

    boolean needsProducts() {
        return this == SELLER;
    }
}
