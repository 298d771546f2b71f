package org.rainbow.bench.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The seeded master data clients draw their orders from. */
record Catalog(List<Long> customerIds, List<Long> paymentIds, List<Product> products) {

    record Product(long id, BigDecimal price) {
    }

    /** A random customer and payment method buying {@code lines} different products, 1 to 3 of each. */
    OrderDraft randomOrder(Random random, int lines) {
        List<OrderDraft.Line> drawn = new ArrayList<>(lines);
        while (drawn.size() < lines) {
            Product product = products.get(random.nextInt(products.size()));
            if (drawn.stream().noneMatch(line -> line.productId() == product.id())) {
                drawn.add(new OrderDraft.Line(product.id(), 1 + random.nextInt(3), product.price()));
            }
        }
        return new OrderDraft(customerIds.get(random.nextInt(customerIds.size())),
                paymentIds.get(random.nextInt(paymentIds.size())), drawn);
    }
}
