package org.rainbow.serving.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Master data whose attributes the speed side looks up as of order time: the versions the served export holds
 * (its {@code <dimension>_versions} view, each valid from {@code valid_from}) and those the speed tables received
 * since the watermark ({@code <table>_versions}, each valid from its {@code updated_at}). The newest version valid
 * at the order's time names the line, as the batch layer's dimensions do.
 */
public enum VersionedDimension {
    PRODUCT("products", "product_versions", "product_id",
            Map.entry(Attribute.SELLER_ID, "seller_id"), Map.entry(Attribute.PRODUCT_NAME, "name"),
            Map.entry(Attribute.CATEGORY, "category")),
    SELLER("sellers", "seller_versions", "seller_id", Map.entry(Attribute.SELLER_NAME, "name")),
    CUSTOMER("customers", "customer_versions", "customer_id", Map.entry(Attribute.CUSTOMER_CITY, "city")),
    PAYMENT("payments", "payment_versions", "payment_id", Map.entry(Attribute.PAYMENT_METHOD, "method")),
    PROMOTION("promotions", "promotion_versions", "promotion_id", Map.entry(Attribute.PROMOTION_NAME, "name"),
            Map.entry(Attribute.PROMOTION_TYPE, "discount_type"));

    private final String speedTable;
    private final String batchView;
    private final String key;
    private final Map<Attribute, String> speedColumns = new LinkedHashMap<>();

    @SafeVarargs
    VersionedDimension(String speedTable, String batchView, String key, Map.Entry<Attribute, String>... attributes) {
        this.speedTable = speedTable;
        this.batchView = batchView;
        this.key = key;
        for (Map.Entry<Attribute, String> attribute : attributes) {
            speedColumns.put(attribute.getKey(), attribute.getValue());
        }
    }

    /** The captured table (its versions are in the speed table {@code <speedTable>_versions}). */
    public String speedTable() {
        return speedTable;
    }

    public String batchView() {
        return batchView;
    }

    /** The natural key, as the batch view and the order's or line's column name it. */
    public String key() {
        return key;
    }

    public List<Attribute> attributes() {
        return List.copyOf(speedColumns.keySet());
    }

    /** The column of the captured table an attribute comes from. */
    String speedColumn(Attribute attribute) {
        return speedColumns.get(attribute);
    }

    /** The dimension an attribute is looked up in; none for the keys an order or line carries itself. */
    static Optional<VersionedDimension> providing(Attribute attribute) {
        return Arrays.stream(values()).filter(d -> d.speedColumns.containsKey(attribute)).findFirst();
    }
}
