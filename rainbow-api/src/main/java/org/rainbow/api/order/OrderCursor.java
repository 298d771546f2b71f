package org.rainbow.api.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.rainbow.api.web.InvalidRequestException;

/** Position in the newest-first order list: the (created_at, id) of the last order seen, as {@code micros.id}. */
record OrderCursor(Instant createdAt, long id) {

    static OrderCursor parse(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot > 0) {
                long micros = Long.parseLong(text.substring(0, dot));
                long id = Long.parseLong(text.substring(dot + 1));
                return new OrderCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the client error below
        }
        throw new InvalidRequestException("cursor", "cursor must be a next_cursor value returned by this API");
    }

    static String of(OrderView order) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, order.createdAt()) + "." + order.id();
    }
}
