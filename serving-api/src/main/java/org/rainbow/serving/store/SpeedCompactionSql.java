package org.rainbow.serving.store;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the speed tables may forget once an export with watermark {@code W} is served: every row of an order
 * that is <em>settled</em>, that is, none of its rows (the order or a line) changed at or after {@code W}, and
 * the served export holds it (it has a line in {@code order_line_sales}) or it was deleted. The merge rule
 * ({@link UnifiedSalesSql}) reads no speed row older than {@code W}, and a settled order that changes again
 * comes back as a dirty order whose unchanged rows the batch supplies. So the speed tables keep about what
 * changed since the last export, however long the installation runs.
 *
 * <p>The master data's versions committed before {@code W} go too, once the export holds them: the merge rule looks
 * attributes up in the export's versions and in the speed tables' versions since {@code W} only.
 *
 * <p>Safe to repeat and to run from two places at once (both statements only delete rows older than {@code W});
 * a crash between them leaves rows the next run removes; a redelivered old change that lands again is ignored
 * by the merge rule and forgotten at the next run. An export with a lower watermark must not be served after
 * this ran ({@link ServingStore#load} refuses it): the rows it would need are gone.
 */
public final class SpeedCompactionSql {

    private SpeedCompactionSql() {
    }

    /**
     * The statements of one run: the settled orders into a scratch table {@code scratch} (ClickHouse will not run
     * a delete whose subquery reads the table it deletes from through a union), the deletes, lines first, then
     * orders (a second run finds nothing left), and the scratch table dropped.
     */
    public static Run run(SqlDialect sql, String exportId, Instant watermark, String scratch) {
        String before = sql.timestampLiteral(watermark);
        String settled = "select order_id from " + sql.scratchTable(scratch);
        List<String> tables = new ArrayList<>(List.of("order_details", "orders"));
        List<String> deletes = new ArrayList<>(List.of(
                "delete from " + sql.speedTable("order_details") + " where " + COMMITTED_AT + " < " + before
                        + " and order_id in (" + settled + ")",
                "delete from " + sql.speedTable("orders") + " where " + COMMITTED_AT + " < " + before
                        + " and id in (" + settled + ")"));
        for (VersionedDimension dimension : VersionedDimension.values()) {
            // A version dated before the watermark and committed before it is in the export, if the export knows
            // the key at all (an export of an older release may lack the versions).
            String versions = UnifiedSalesSql.versionsTable(dimension);
            tables.add(versions);
            deletes.add("delete from " + sql.speedTable(versions) + " where " + COMMITTED_AT + " < " + before
                    + " and updated_at < " + before + " and id in (select " + dimension.key() + " from "
                    + sql.batchView(dimension.batchView(), exportId, "b") + ")");
        }
        return new Run(sql.createScratchTable(scratch, settledOrders(sql, exportId, watermark)), List.copyOf(deletes),
                "drop table if exists " + sql.scratchTable(scratch), List.copyOf(tables));
    }

    /** Create the scratch table, run the deletes, and drop it in any case; {@code tables} are the speed tables deleted from. */
    public record Run(String settle, List<String> deletes, String cleanUp, List<String> tables) {
    }

    /** Orders every row of which is older than the watermark, held by the served export or deleted. */
    static String settledOrders(SqlDialect sql, String exportId, Instant watermark) {
        return """
                select order_id from (
                    select id as order_id, %1$s, %2$s as gone from %3$s as o
                    union all
                    select order_id, %1$s, 0 from %4$s
                ) as settling
                group by order_id
                having max(%1$s) < %5$s
                   and (max(gone) = 1 or order_id in (select b.order_id from %6$s))""".formatted(
                COMMITTED_AT, sql.deletedFlag("o"), sql.speedTable("orders"), sql.speedTable("order_details"),
                sql.timestampLiteral(watermark), sql.batchView("order_line_sales", exportId, "b"));
    }
}
