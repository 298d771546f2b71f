package org.rainbow.serving.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rainbow.serving.store.SalesTotals;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One day of {@code GET /api/v1/sales/daily} (serving-api/README.md, Routes). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DailySales(LocalDate date, long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                         BigDecimal extendedDiscountAmount) {

    static DailySales of(LocalDate date, SalesTotals totals) {
        return new DailySales(date, totals.orderCount(), totals.salesQuantity(), totals.extendedSalesAmount(),
                totals.extendedDiscountAmount());
    }
}
