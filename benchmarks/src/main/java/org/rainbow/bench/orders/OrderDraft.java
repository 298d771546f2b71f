package org.rainbow.bench.orders;

import java.math.BigDecimal;
import java.util.List;

/** An order a client is about to place; the prices are the list prices the API will charge (no promotion). */
record OrderDraft(long customerId, long paymentId, List<Line> lines) {

    record Line(long productId, int quantity, BigDecimal price) {
    }

    BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return total;
    }

    /** The request body of {@code POST /api/v1/orders}. */
    String json() {
        StringBuilder json = new StringBuilder(40 + 40 * lines.size())
                .append("{\"customerId\":").append(customerId)
                .append(",\"payment_id\":").append(paymentId)
                .append(",\"products\":[");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"productId\":").append(line.productId())
                    .append(",\"quantity\":").append(line.quantity()).append('}');
        }
        return json.append("]}").toString();
    }
}
