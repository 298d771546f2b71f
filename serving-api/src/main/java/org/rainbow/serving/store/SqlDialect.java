package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;

/** What the merge rule needs to know of an engine's SQL: where tables live and how values are written. */
public interface SqlDialect {

    /** The current rows of a speed table (latest version per key, deleted keys left out), as a FROM item. */
    String liveSpeedRows(String table, String alias);

    /**
     * The latest version of each row of a speed table that changed at or after {@code since}, deleted rows included
     * (as {@link #deletedFlag}), as a FROM item.
     */
    String changedSpeedRows(String table, String alias, String since);

    /** 1 when the speed row {@code alias} is a delete, else 0. */
    String deletedFlag(String alias);

    /**
     * A speed table by its name: every stored change, deleted keys and not yet merged versions included, as a FROM
     * item or the target of a statement (compaction deletes from it).
     */
    String speedTable(String table);

    /** A statement that creates the scratch table {@code name} holding the rows of {@code select}. */
    String createScratchTable(String name, String select);

    /** The scratch table {@code name} as a FROM item or statement target. */
    String scratchTable(String name);

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
