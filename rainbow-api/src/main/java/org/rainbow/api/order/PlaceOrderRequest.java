package org.rainbow.api.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/orders}; its field names are the API's contract (OpenAPI at /v3/api-docs). */
public record PlaceOrderRequest(
        @NotNull @Positive Long customerId,
        @JsonProperty("payment_id") @NotNull @Positive Long paymentId,
        @JsonProperty("promotion_id") @Positive Long promotionId,
        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Line> products) {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;

    public record Line(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }
}
