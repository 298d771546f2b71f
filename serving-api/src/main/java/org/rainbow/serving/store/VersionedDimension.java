package org.rainbow.serving.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.storage.export.BatchViews.Versions;

/**
 * Master data whose attributes the speed side looks up as of order time: the versions the served export holds
 * (its {@code <dimension>_versions} view, each valid from {@code valid_from}) and those the speed tables received
 * since the watermark ({@code <table>_versions}, each valid from its {@code updated_at}). The newest version valid
 * at the order's time names the line, as the batch layer's dimensions do.
 */
public enum VersionedDimension {
    PRODUCT("products", BatchViews.PRODUCT_VERSIONS, Map.entry(Attribute.SELLER_ID, "seller_id"),
            Map.entry(Attribute.PRODUCT_NAME, "name"), Map.entry(Attribute.CATEGORY, "category")),
    SELLER("sellers", BatchViews.SELLER_VERSIONS, Map.entry(Attribute.SELLER_NAME, "name")),
    CUSTOMER("customers", BatchViews.CUSTOMER_VERSIONS, Map.entry(Attribute.CUSTOMER_CITY, "city")),
    PAYMENT("payments", BatchViews.PAYMENT_VERSIONS, Map.entry(Attribute.PAYMENT_METHOD, "method")),
    PROMOTION("promotions", BatchViews.PROMOTION_VERSIONS, Map.entry(Attribute.PROMOTION_NAME, "name"),
            Map.entry(Attribute.PROMOTION_TYPE, "discount_type"));

    private final String speedTable;
    private final Versions batch;
    private final Map<Attribute, String> speedColumns = new LinkedHashMap<>();

    /** {@code speedColumns}: the captured table's column of each attribute the batch view's versions carry. */
    @SafeVarargs
    VersionedDimension(String speedTable, Versions batch, Map.Entry<Attribute, String>... speedColumns) {
        this.speedTable = speedTable;
        this.batch = batch;
        for (Map.Entry<Attribute, String> attribute : speedColumns) {
            this.speedColumns.put(attribute.getKey(), attribute.getValue());
        }
        if (!List.copyOf(this.speedColumns.keySet()).equals(batch.attributes())) {
            throw new IllegalStateException(batch.name() + " carries " + batch.attributes() + ", the speed columns "
                    + "name " + this.speedColumns.keySet());
        }
    }

    /** The captured table (its versions are in the speed table {@code <speedTable>_versions}). */
    public String speedTable() {
        return speedTable;
    }

    public String batchView() {
        return batch.name();
    }

    /** The natural key, as the batch view and the order's or line's column name it. */
    public String key() {
        return batch.key();
    }

    public List<Attribute> attributes() {
        return batch.attributes();
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
