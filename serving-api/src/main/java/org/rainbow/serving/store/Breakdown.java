package org.rainbow.serving.store;

import java.util.List;

/**
 * How sales are cut: per day, or per value of some attributes (as of order time) over the whole range. Each cut
 * names its batch view (per day and those attributes) and the unified view that answers it.
 */
public enum Breakdown {
    DAY("agg_daily_sales"),
    PRODUCT("agg_daily_product_sales", Attribute.PRODUCT_ID, Attribute.PRODUCT_NAME, Attribute.CATEGORY),
    SELLER("agg_daily_seller_sales", Attribute.SELLER_ID, Attribute.SELLER_NAME),
    PAYMENT("agg_daily_payment_sales", Attribute.PAYMENT_ID, Attribute.PAYMENT_METHOD),
    CATEGORY("agg_daily_category_sales", Attribute.CATEGORY),
    CITY("agg_daily_city_sales", Attribute.CUSTOMER_CITY),
    PROMOTION("agg_daily_promotion_sales", Attribute.PROMOTION_ID, Attribute.PROMOTION_NAME,
            Attribute.PROMOTION_TYPE);

    private final String batchView;
    private final List<Attribute> keys;

    Breakdown(String batchView, Attribute... keys) {
        this.batchView = batchView;
        this.keys = List.of(keys);
    }

    public String batchView() {
        return batchView;
    }

    /** The attributes of a key, in column order; none for {@link #DAY}. */
    public List<Attribute> keys() {
        return keys;
    }

    /** The SQL view that answers this cut: {@code unified_sales_daily(from, to)}, {@code unified_sales_by_product(...)}. */
    public String view() {
        return this == DAY ? "unified_sales_daily" : "unified_sales_by_" + name().toLowerCase();
    }
}
