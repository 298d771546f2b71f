package org.rainbow.serving.store;

import org.rainbow.serving.store.BatchTables.Type;

/**
 * What analysts slice sales by, each as it was when the order was placed: columns of the batch layer's
 * {@code order_line_sales} and of the unified views. A line attribute belongs to the order line (its product at
 * order time), an order attribute to the order (its customer, payment method and promotion at order time).
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

    BatchTables.Column asColumn() {
        return new BatchTables.Column(column, type, nullable);
    }
}
