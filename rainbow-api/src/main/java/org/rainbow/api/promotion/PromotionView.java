package org.rainbow.api.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PromotionView(long id, String name, DiscountType discountType, BigDecimal discountValue,
                            LocalDate startDate, LocalDate endDate, Integer usageLimit, int usageCount,
                            Instant createdAt, Instant updatedAt) {
}
