package org.rainbow.api.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.rainbow.api.web.CursorPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderPlacementService placement;
    private final OrderQueryService queries;

    OrderController(OrderPlacementService placement, OrderQueryService queries) {
        this.placement = placement;
        this.queries = queries;
    }

    /**
     * With an {@code Idempotency-Key}, a repeated request (after a timeout or a 503) answers with the order the
     * first one placed, marked {@code Idempotent-Replayed: true}, and places none.
     */
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        OrderPlacementService.Placement placed = placement.placeOrder(request, IdempotencyKey.of(key));
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.order().id()))
                .header("Idempotent-Replayed", String.valueOf(placed.replayed())).body(placed.order());
    }

    @GetMapping("/{id}")
    OrderView find(@PathVariable long id) {
        return queries.find(id);
    }

    @GetMapping
    CursorPage<OrderView> page(@RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(CursorPage.MAX_SIZE) int size) {
        return queries.page(cursor, size);
    }
}
