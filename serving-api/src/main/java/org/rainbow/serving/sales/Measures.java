package org.rainbow.serving.sales;

import java.math.BigDecimal;
import org.rainbow.serving.store.SalesTotals;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The measures every sales route answers with, unwrapped into each row (serving-api/README.md, Routes). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Measures(long orderCount, long salesQuantity, BigDecimal extendedSalesAmount,
                       BigDecimal extendedDiscountAmount) {

    static Measures of(SalesTotals totals) {
        return new Measures(totals.orderCount(), totals.salesQuantity(), totals.extendedSalesAmount(),
                totals.extendedDiscountAmount());
    }
}
