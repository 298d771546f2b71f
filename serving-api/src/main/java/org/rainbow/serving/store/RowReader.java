package org.rainbow.serving.store;

import java.util.function.Consumer;

/** Runs a query on the engine and hands each row of its answer on, in order. */
@FunctionalInterface
public interface RowReader {

    void read(String sql, Consumer<ResultRow> row);
}
