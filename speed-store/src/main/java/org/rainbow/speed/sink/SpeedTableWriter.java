package org.rainbow.speed.sink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rainbow.contracts.source.CapturedTable;

/**
 * The port to the serving store's speed tables. Writes are idempotent: per key, the row with the highest
 * version wins, whatever the order and however often a change arrives; a deleted row stays as a marker
 * ({@code _deleted}) so an older change arriving late cannot bring it back.
 */
public interface SpeedTableWriter {

    /** Writes the rows of one table; returns only once they are durable in the store. */
    void write(CapturedTable table, List<ChangeRow> rows);

    /** The current speed row of a key, deleted or not, with {@code _version}, {@code _deleted} and {@code _written_at}. */
    Optional<Map<String, Object>> find(CapturedTable table, long key);
}
