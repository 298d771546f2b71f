package org.rainbow.serving.sales;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.rainbow.serving.store.SliceSales;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The rows of the sales routes: each a key (its attributes as they were when the orders were placed) and the
 * measures. A product renamed within the range has a row per name, as the orders named it.
 */
final class SalesRows {

    private SalesRows() {
    }

    /** One day, week (its Monday) or month (its first day) of {@code GET /api/v1/sales/daily}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DailySales(LocalDate date, @JsonUnwrapped Measures measures) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProductSales(long productId, String productName, String category, @JsonUnwrapped Measures measures) {

        static ProductSales of(SliceSales slice) {
            List<Object> key = slice.key();
            return new ProductSales((Long) key.get(0), (String) key.get(1), (String) key.get(2),
                    Measures.of(slice.totals()));
        }
    }

    /** A seller: the seller of each product when the order was placed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SellerSales(long sellerId, String sellerName, @JsonUnwrapped Measures measures) {

        static SellerSales of(SliceSales slice) {
            return new SellerSales((Long) slice.key().get(0), (String) slice.key().get(1), Measures.of(slice.totals()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PaymentSales(long paymentId, String paymentMethod, @JsonUnwrapped Measures measures) {

        static PaymentSales of(SliceSales slice) {
            return new PaymentSales((Long) slice.key().get(0), (String) slice.key().get(1), Measures.of(slice.totals()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CategorySales(String category, @JsonUnwrapped Measures measures) {

        static CategorySales of(SliceSales slice) {
            return new CategorySales((String) slice.key().get(0), Measures.of(slice.totals()));
        }
    }

    /** A city: the customer's city when the order was placed ({@code null}: the customer had none). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CitySales(String customerCity, @JsonUnwrapped Measures measures) {

        static CitySales of(SliceSales slice) {
            return new CitySales((String) slice.key().get(0), Measures.of(slice.totals()));
        }
    }

    /** A promotion; orders without one are the row whose promotion fields are {@code null}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PromotionSales(Long promotionId, String promotionName, String promotionType,
                          @JsonUnwrapped Measures measures) {

        static PromotionSales of(SliceSales slice) {
            List<Object> key = slice.key();
            return new PromotionSales((Long) key.get(0), (String) key.get(1), (String) key.get(2),
                    Measures.of(slice.totals()));
        }
    }
}
