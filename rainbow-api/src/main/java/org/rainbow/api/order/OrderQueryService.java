package org.rainbow.api.order;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rainbow.api.web.CursorPage;
import org.rainbow.api.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders with their lines. */
@Service
public class OrderQueryService {

    private final OrderRepository orders;

    OrderQueryService(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public OrderView find(long id) {
        return orders.findById(id).map(Order::view).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** Newest first; {@code cursor} is the {@code next_cursor} of the previous page, or null for the first. */
    @Transactional(readOnly = true)
    public CursorPage<OrderView> page(String cursor, int size) {
        List<Order> page;
        if (cursor == null || cursor.isBlank()) {
            page = orders.findNewest(size);
        } else {
            OrderCursor after = OrderCursor.parse(cursor);
            page = orders.findOlderThan(after.createdAt(), after.id(), size);
        }
        Map<Long, List<OrderLine>> lines = page.isEmpty() ? Map.of()
                : orders.findLines(page.stream().map(Order::getId).toList()).stream()
                        .collect(Collectors.groupingBy(OrderLine::orderId));
        List<OrderView> views = page.stream().map(o -> o.view(lines.getOrDefault(o.getId(), List.of()))).toList();
        return CursorPage.of(views, size, OrderCursor::of);
    }
}
