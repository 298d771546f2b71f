package org.rainbow.serving.store;

import java.util.List;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.export.BatchViews.Aggregate;
import org.rainbow.storage.export.BatchViews.Attribute;

/**
 * How sales are cut: per day, or per value of some attributes (as of order time) over the whole range. Each cut
 * reads its batch view (per day and those attributes) and names the unified view that answers it.
 */
public enum Breakdown {
    DAY(BatchViews.DAILY),
    PRODUCT(BatchViews.BY_PRODUCT),
    SELLER(BatchViews.BY_SELLER),
    PAYMENT(BatchViews.BY_PAYMENT),
    CATEGORY(BatchViews.BY_CATEGORY),
    CITY(BatchViews.BY_CITY),
    PROMOTION(BatchViews.BY_PROMOTION);

    private final Aggregate batch;

    Breakdown(Aggregate batch) {
        this.batch = batch;
    }

    public String batchView() {
        return batch.name();
    }

    /** The attributes of a key, in column order; none for {@link #DAY}. */
    public List<Attribute> keys() {
        return batch.keys();
    }

    /** The SQL view that answers this cut: {@code unified_sales_daily(from, to)}, {@code unified_sales_by_product(...)}. */
    public String view() {
        return this == DAY ? "unified_sales_daily" : "unified_sales_by_" + name().toLowerCase();
    }
}
