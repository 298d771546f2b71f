package org.rainbow.api.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.rainbow.api.promotion.Promotion;
import org.rainbow.api.promotion.PromotionService;
import org.rainbow.api.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places an order: checks every reference, prices each line from the product's current list price and the
 * promotion, and writes the order with its lines in one transaction. Any rejection writes nothing.
 */
@Service
public class OrderPlacementService {

    private final OrderRepository orders;
    private final OrderReferences references;
    private final PromotionService promotions;
    private final OrderRequestRepository requests;
    private final Clock clock;

    OrderPlacementService(OrderRepository orders, OrderReferences references, PromotionService promotions,
                          OrderRequestRepository requests, Clock clock) {
        this.orders = orders;
        this.references = references;
        this.promotions = promotions;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional
    public OrderView placeOrder(PlaceOrderRequest request) {
        return placeOrder(request, clock.instant());
    }

    /**
     * Places the order once per idempotency key: a repeated request gets the order its first one placed
     * ({@code replayed}), a key reused for another request is refused. The key is stored in the order's own
     * transaction; two requests racing with one key collide on it and the second writes nothing.
     */
    @Transactional
    public Placement placeOrder(PlaceOrderRequest request, IdempotencyKey key) {
        if (key == null) {
            return new Placement(placeOrder(request), false);
        }
        String hash = IdempotencyKey.hash(request);
        Optional<OrderRequest> earlier = requests.findById(key.value());
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw new InvalidRequestException(IdempotencyKey.HEADER, "this " + IdempotencyKey.HEADER
                        + " was used for a different order request");
            }
            return new Placement(orders.findById(earlier.get().orderId()).orElseThrow().view(), true);
        }
        Instant now = clock.instant();
        OrderView order = placeOrder(request, now);
        requests.saveAndFlush(new OrderRequest(key.value(), order.id(), hash, now));
        return new Placement(order, false);
    }

    /** The order, and whether it was placed by an earlier request with the same idempotency key. */
    public record Placement(OrderView order, boolean replayed) {
    }

    /**
     * Places the order as of {@code at}: promotions must be valid on that (UTC) day. A rejection is thrown before
     * anything is written, so it leaves a surrounding transaction (a generated history day) usable.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public OrderView placeOrder(PlaceOrderRequest request, Instant at) {
        OrderReferences.Found found = references.find(request.customerId(), request.paymentId(),
                request.products().stream().map(PlaceOrderRequest.Line::productId).distinct().toList());
        if (!found.customer()) {
            throw new InvalidRequestException("customerId", "customer " + request.customerId() + " does not exist");
        }
        if (!found.payment()) {
            throw new InvalidRequestException("payment_id", "payment " + request.paymentId() + " does not exist");
        }
        Promotion promotion = request.promotionId() == null ? null : validPromotion(request.promotionId(), at);

        Order order = new Order(request.customerId(), request.paymentId(), request.promotionId(), at);
        List<PlaceOrderRequest.Line> lines = request.products();
        for (int i = 0; i < lines.size(); i++) {
            PlaceOrderRequest.Line line = lines.get(i);
            BigDecimal listPrice = found.listPrices().get(line.productId());
            if (listPrice == null) {
                throw new InvalidRequestException("products[" + i + "].productId",
                        "product " + line.productId() + " does not exist");
            }
            BigDecimal unitPrice = promotion == null ? listPrice : promotion.discountedPrice(listPrice);
            order.addLine(line.productId(), line.quantity(), listPrice, unitPrice);
        }
        if (order.totalAmount().compareTo(Order.MAX_TOTAL) > 0) {
            throw new InvalidRequestException("products", "order total exceeds " + Order.MAX_TOTAL);
        }
        if (promotion != null && promotion.isLimited() && !promotions.takeOneUse(promotion.getId(), at)) {
            throw new InvalidRequestException("promotion_id", "promotion " + promotion.getId() + " has no uses left");
        }
        return orders.save(order).view();
    }

    private Promotion validPromotion(long promotionId, Instant at) {
        Promotion promotion = promotions.forOrder(promotionId).orElseThrow(() ->
                new InvalidRequestException("promotion_id", "promotion " + promotionId + " does not exist"));
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (!promotion.isValidOn(day)) {
            throw new InvalidRequestException("promotion_id", "promotion " + promotionId + " is not valid on " + day);
        }
        return promotion;
    }
}
