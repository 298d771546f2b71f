package org.rainbow.api.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API returns it: the request's field names, plus what the server computed. */
public record OrderView(
        long id,
        long customerId,
        @JsonProperty("payment_id") long paymentId,
        @JsonProperty("promotion_id") Long promotionId,
        String status,
        @JsonProperty("total_amount") BigDecimal totalAmount,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        List<LineView> products) {

    public record LineView(long id, long productId, int quantity,
                           @JsonProperty("regular_price") BigDecimal regularPrice, BigDecimal price) {
    }
}
