package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;

/** What the merge rule needs to know of an engine's SQL: where tables live and how values are written. */
public interface SqlDialect {

    /** Every stored change of a speed table, deleted keys and not yet merged versions included. */
    String allSpeedRows(String table);

    /** The current rows of a speed table (latest version per key, deleted keys left out), as a FROM item. */
    String liveSpeedRows(String table, String alias);

    /**
     * The current rows of a speed table whose {@code column} is in {@code ids} (a subquery), as a FROM item;
     * {@code column} has the same value in every version of a row (its key, or an order line's order), so the
     * rows can be picked before versions are merged: a read of what changed, not of the whole table.
     */
    String liveSpeedRows(String table, String alias, String column, String ids);

    /** A batch view of the served export, as a FROM item. */
    String batchView(String view, String exportId, String alias);

    String dateOf(String timestampExpression);

    String dateLiteral(LocalDate date);

    /** A UTC instant, comparable with the speed tables' {@code _committed_at}. */
    String timestampLiteral(Instant instant);

    /** The type counts are summed in. */
    String countType();

    /** The type money is summed in. */
    String moneyType();
}
