package org.rainbow.serving.sales;

import java.math.BigDecimal;
import org.rainbow.serving.store.SalesTotals;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One payment method of {@code GET /api/v1/sales/by-payment}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PaymentSales(long paymentId, long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                           BigDecimal extendedDiscountAmount) {

    static PaymentSales of(long paymentId, SalesTotals totals) {
        return new PaymentSales(paymentId, totals.orderCount(), totals.salesQuantity(), totals.extendedSalesAmount(),
                totals.extendedDiscountAmount());
    }
}
