package org.rainbow.api.generator;

import java.time.LocalDate;
import java.util.List;

/** The master data the generator draws orders from. */
record Catalog(List<Long> customerIds, List<Long> productIds, List<Long> paymentIds,
               List<PromotionWindow> promotions) {

    record PromotionWindow(long id, LocalDate start, LocalDate end) {
        boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    List<PromotionWindow> promotionsOn(LocalDate day) {
        return promotions.stream().filter(p -> p.covers(day)).toList();
    }

    boolean isEmpty() {
        return customerIds.isEmpty() || productIds.isEmpty() || paymentIds.isEmpty();
    }
}
