package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a rendering of the merge rule ({@link UnifiedSalesSql}) is bound to: the served export (its batch views and
 * watermark) and the range of days. A unified view reads the served export in SQL and takes the range as its
 * parameters ({@link SqlDialect#viewBinding()}); a route's query binds the export the store serves and the range it
 * was asked for as literals ({@link #of}), which the engines prune partitions and skip granules by: benchmark P4
 * measured the view itself 20-30 ms slower per call on ClickHouse (it analyses a parameterized view's query again)
 * and DuckDB's scans 8-15 ms slower with the watermark as a subquery. Same rule, same text, other values.
 */
public interface Binding {

    /** Declarations the WITH clause starts with, each followed by a comma; empty when there is none. */
    String declarations();

    /** A batch view of the served export, as a FROM item. */
    String batchView(String view, String alias);

    /** The served export's watermark, a UTC timestamp (epoch before the first export). */
    String watermark();

    /** The first day of the range. */
    String rangeStart();

    /** The last day of the range, included. */
    String rangeEnd();

    /** Bound to the export {@code exportId} (none: empty, with the epoch as watermark) and the range {@code [from, to]}. */
    static Binding of(SqlDialect sql, String exportId, Instant watermark, LocalDate from, LocalDate to) {
        return new Binding() {
            @Override
            public String declarations() {
                return "";
            }

            @Override
            public String batchView(String view, String alias) {
                return sql.batchView(view, exportId, alias);
            }

            @Override
            public String watermark() {
                return sql.timestampLiteral(watermark);
            }

            @Override
            public String rangeStart() {
                return sql.dateLiteral(from);
            }

            @Override
            public String rangeEnd() {
                return sql.dateLiteral(to);
            }
        };
    }
}
