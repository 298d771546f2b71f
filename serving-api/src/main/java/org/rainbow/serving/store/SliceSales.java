package org.rainbow.serving.store;

import java.util.List;

/**
 * The sales of one key of a {@link Breakdown} over a range: the key's attribute values in
 * {@link Breakdown#keys()} order ({@code Long} or {@code String}, {@code null} where the attribute has none, as an
 * order without promotion), and the measures.
 */
public record SliceSales(List<Object> key, SalesTotals totals) {
}
