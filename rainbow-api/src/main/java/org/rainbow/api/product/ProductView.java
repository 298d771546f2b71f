package org.rainbow.api.product;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductView(long id, long sellerId, String name, String category, BigDecimal price,
                          Instant createdAt, Instant updatedAt) {
}
