package org.rainbow.serving.store;

import java.math.BigDecimal;

/** The measures of the sales routes for one day or one key. */
public record SalesTotals(long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                          BigDecimal extendedDiscountAmount) {

    /** The totals of two disjoint sets of orders (two days, say: an order is placed on one day). */
    public SalesTotals plus(SalesTotals other) {
        return new SalesTotals(orderCount + other.orderCount, salesQuantity + other.salesQuantity,
                extendedSalesAmount.add(other.extendedSalesAmount), extendedDiscountAmount.add(other.extendedDiscountAmount));
    }
}
