package org.rainbow.serving.store;

/**
 * How sales are cut: per day, or per key of one dimension over the whole range. Each cut names its batch view,
 * the key's column in the batch views and how the speed side finds the key of an order line
 * ({@code d} the line, {@code o} its order, {@code p} its product).
 */
public enum Breakdown {
    DAY("agg_daily_sales", null, null),
    PRODUCT("agg_daily_product_sales", "product_id", "d.product_id"),
    SELLER("agg_daily_seller_sales", "seller_id", "p.seller_id"),
    PAYMENT("agg_daily_payment_sales", "payment_id", "o.payment_id");

    private final String batchView;
    private final String keyColumn;
    private final String speedKey;

    Breakdown(String batchView, String keyColumn, String speedKey) {
        this.batchView = batchView;
        this.keyColumn = keyColumn;
        this.speedKey = speedKey;
    }

    public String batchView() {
        return batchView;
    }

    /** The key column, {@code null} for {@link #DAY}. */
    public String keyColumn() {
        return keyColumn;
    }

    String speedKey() {
        return speedKey;
    }

    boolean needsProducts() {
        return this == SELLER;
    }
}
