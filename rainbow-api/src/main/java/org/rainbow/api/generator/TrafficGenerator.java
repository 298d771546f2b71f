package org.rainbow.api.generator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rainbow.api.customer.CustomerChange;
import org.rainbow.api.customer.CustomerService;
import org.rainbow.api.order.OrderPlacementService;
import org.rainbow.api.order.PlaceOrderRequest;
import org.rainbow.api.product.ProductChange;
import org.rainbow.api.product.ProductService;
import org.rainbow.api.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Draws one order (or one master-data change) and carries it out through the API's own services. */
@Component
class TrafficGenerator {

    private static final Logger log = LoggerFactory.getLogger(TrafficGenerator.class);

    private final OrderPlacementService orders;
    private final CustomerService customers;
    private final ProductService products;
    private final Counter placed;
    private final Counter rejected;
    private final Counter changes;

    TrafficGenerator(OrderPlacementService orders, CustomerService customers, ProductService products,
                     MeterRegistry meters) {
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.placed = meters.counter("rainbow.generator.orders", "outcome", "placed");
        this.rejected = meters.counter("rainbow.generator.orders", "outcome", "rejected");
        this.changes = meters.counter("rainbow.generator.changes");
    }

    /** Places a random order at {@code at}; a business rejection (promotion used up) is counted, not thrown. */
    boolean placeRandomOrder(Random random, Catalog catalog, Instant at) {
        PlaceOrderRequest request = randomOrder(random, catalog, LocalDate.ofInstant(at, ZoneOffset.UTC));
        try {
            orders.placeOrder(request, at);
            placed.increment();
            return true;
        } catch (InvalidRequestException e) {
            rejected.increment();
            log.debug("generated order rejected: {}", e.getMessage());
            return false;
        }
    }

    /** Changes one customer (moves city or email) or one product (reprices it) at {@code at}. */
    void changeSomething(Random random, Catalog catalog, Instant at) {
        if (random.nextBoolean()) {
            long id = SampleData.pick(random, catalog.customerIds());
            if (random.nextBoolean()) {
                customers.change(id, new CustomerChange(null, null, null, null, SampleData.city(random)), at);
            } else {
                // The seeded address is unique per customer; a time tag keeps every later one unique too.
                String current = customers.find(id).email();
                String mailbox = current.substring(0, current.indexOf('@')).replaceFirst("\\+.*", "");
                String email = mailbox + "+" + at.toEpochMilli() + "@mail.example";
                customers.change(id, new CustomerChange(null, null, email, null, null), at);
            }
        } else {
            long id = SampleData.pick(random, catalog.productIds());
            products.change(id, new ProductChange(null, null,
                    SampleData.repriced(random, products.find(id).price())), at);
        }
        changes.increment();
    }

    /** Some customers buy far more than others, as in real shops: a skewed pick over the customer list. */
    private static PlaceOrderRequest randomOrder(Random random, Catalog catalog, LocalDate day) {
        double u = random.nextDouble();
        long customerId = catalog.customerIds().get((int) (u * u * catalog.customerIds().size()));
        long paymentId = SampleData.pick(random, catalog.paymentIds());
        List<Catalog.PromotionWindow> promotions = catalog.promotionsOn(day);
        Long promotionId = !promotions.isEmpty() && random.nextDouble() < 0.25
                ? SampleData.pick(random, promotions).id() : null;
        int lineCount = 1 + random.nextInt(4);
        List<PlaceOrderRequest.Line> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            int quantity = random.nextDouble() < 0.8 ? 1 + random.nextInt(2) : 3 + random.nextInt(5);
            lines.add(new PlaceOrderRequest.Line(SampleData.pick(random, catalog.productIds()), quantity));
        }
        return new PlaceOrderRequest(customerId, paymentId, promotionId, lines);
    }
}
