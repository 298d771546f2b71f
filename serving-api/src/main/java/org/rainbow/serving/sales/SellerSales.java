package org.rainbow.serving.sales;

import java.math.BigDecimal;
import org.rainbow.serving.store.SalesTotals;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One seller of {@code GET /api/v1/sales/by-seller}: sales of the products it sold when the order was placed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SellerSales(long sellerId, long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                          BigDecimal extendedDiscountAmount) {

    static SellerSales of(long sellerId, SalesTotals totals) {
        return new SellerSales(sellerId, totals.orderCount(), totals.salesQuantity(), totals.extendedSalesAmount(),
                totals.extendedDiscountAmount());
    }
}
