package org.rainbow.speed.sink;

import java.time.Instant;
import org.rainbow.contracts.source.CapturedTable;

/**
 * The state of one row after a change: its column values (in {@link CapturedTable#columns()} order, typed as
 * Long, Integer, String, BigDecimal, LocalDate or Instant), the source LSN as version (later changes of a
 * key have higher LSNs), whether the change deleted it, and when PostgreSQL committed it.
 */
public record ChangeRow(CapturedTable table, Object[] values, long version, boolean deleted, Instant committedAt) {

    public long key() {
        return (Long) values[0];
    }
}
