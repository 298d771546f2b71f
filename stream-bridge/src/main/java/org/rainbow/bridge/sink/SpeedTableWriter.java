package org.rainbow.bridge.sink;

import java.util.List;
import org.rainbow.bridge.table.CapturedTable;

/**
 * The port to the serving store's speed tables. Writes are idempotent: per key, the row with the highest
 * version wins, whatever the order and however often a change arrives; a deleted row stays as a marker
 * ({@code _deleted}) so an older change arriving late cannot bring it back.
 */
public interface SpeedTableWriter {

    /** Writes the rows of one table; returns only once they are durable in the store. */
    void write(CapturedTable table, List<ChangeRow> rows);
}
