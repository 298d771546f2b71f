package org.rainbow.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; pass {@code next_cursor} back as {@code cursor} for the next one. */
public record CursorPage<T>(List<T> items, @JsonProperty("next_cursor") String nextCursor) {

    public static final int MAX_SIZE = 200;

    /** A full page may have a successor, so it carries the cursor of its last item; a short page is the last. */
    public static <T> CursorPage<T> of(List<T> items, int size, Function<T, String> cursorOf) {
        String next = items.size() == size ? cursorOf.apply(items.get(items.size() - 1)) : null;
        return new CursorPage<>(items, next);
    }
}
