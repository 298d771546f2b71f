package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.rainbow.speed.sink.EngineTypes;
import org.rainbow.storage.export.BatchViews;

/**
 * What the merge rule needs to know of an engine's SQL: where tables live, how values are written, and how a
 * unified view is declared and called.
 */
public interface SqlDialect {

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

    /**
     * A table of the batch side by its name, as a FROM item or statement target: {@link BatchTables#EXPORTS}, or a
     * batch view's table with every export the store keeps (ClickHouse keeps two).
     */
    String batchTable(String name);

    /** A batch view of the export {@code exportId}, as a FROM item (DuckDB holds only the served one). */
    String batchView(String view, String exportId, String alias);

    /** How a unified view is bound: the served export read in SQL, the range as the view's parameters. */
    Binding viewBinding();

    /** A FROM item of one column {@code day}: every day from {@code start} to {@code end}, both included. */
    String daysOfRange(String start, String end);

    /** A statement that creates (or replaces) the unified view {@code name(from, to)} as {@code select}. */
    String createView(String name, String select);

    /** What a query of the rule ends with: the settings it needs (ClickHouse), or nothing. */
    String settings();

    String dateOf(String timestampExpression);

    String dateLiteral(LocalDate date);

    /** A UTC instant, comparable with the speed tables' {@code _committed_at}. */
    String timestampLiteral(Instant instant);

    /** The engine's type names, the ones its speed tables are created with. */
    EngineTypes types();

    /** A batch column's type. */
    default String type(BatchViews.Type type) {
        return switch (type) {
            case TEXT -> types().text();
            case DATE -> types().date();
            case BIGINT -> types().bigint();
            case MONEY -> types().decimal(18, 2);
            case TIMESTAMP -> types().timestamp();
        };
    }

    /** The column definitions of a batch table. */
    default String columns(List<BatchViews.Column> columns) {
        return columns.stream().map(c -> c.name() + " " + (c.nullable() ? types().nullable(type(c.type())) : type(c.type())))
                .collect(Collectors.joining(", "));
    }

    /** A NULL of a column type, so that every branch of a union agrees on types. */
    default String nullOf(BatchViews.Type type) {
        return "cast(null as " + types().nullable(type(type)) + ")";
    }

    /** The type counts are summed in. */
    default String countType() {
        return types().bigint();
    }

    /** The type money is summed in. */
    default String moneyType() {
        return types().decimal(38, 2);
    }
}
