package org.rainbow.api.seller;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SellerView(long id, String name, String city, Instant createdAt, Instant updatedAt) {
}
