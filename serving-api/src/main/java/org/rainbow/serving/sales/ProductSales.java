package org.rainbow.serving.sales;

import java.math.BigDecimal;
import org.rainbow.serving.store.SalesTotals;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One product of {@code GET /api/v1/sales/by-product}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductSales(long productId, long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                           BigDecimal extendedDiscountAmount) {

    static ProductSales of(long productId, SalesTotals totals) {
        return new ProductSales(productId, totals.orderCount(), totals.salesQuantity(), totals.extendedSalesAmount(),
                totals.extendedDiscountAmount());
    }
}
