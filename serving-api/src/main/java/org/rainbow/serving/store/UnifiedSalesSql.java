package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one definition of how batch and speed views merge, rendered for each engine by its {@link SqlDialect}.
 *
 * <p>An order is <em>dirty</em> when any of its rows (the order or a line, deleted or not) has a change
 * committed at or after the watermark {@code W}. Every change committed before {@code W} is in the batch
 * export (partitions run only for ended days, after the transactions begun in them committed), so for a clean
 * order the batch views and the speed tables agree; a dirty one may differ, and the speed tables hold its
 * truth. Hence, for each day {@code d} (or key), dirty orders swap their batch lines for their speed lines:
 * <pre>
 *   unified(d) = [d &lt; W] · (batch view(d) − batch lines of dirty orders on d) + live speed lines of dirty orders on d
 * </pre>
 * (one pass over both kinds of lines, {@code side} −1 and +1, filtered once by the dirty set).
 * Every order is counted exactly once, from exactly one side: nothing is counted twice at the boundary and
 * nothing is missed, also when the batch side is empty ({@code W} = epoch: every order is dirty), lags, or a
 * late change or delete touches a day long before {@code W}.
 */
public final class UnifiedSalesSql {

    private UnifiedSalesSql() {
    }

    /** Rows {@code (bucket, order_count, sales_quantity, extended_sales_amount, extended_discount_amount)}. */
    public static String query(SqlDialect sql, Breakdown breakdown, LocalDate from, LocalDate to, String exportId,
                               Instant watermark) {
        String range = "between " + sql.dateLiteral(from) + " and " + sql.dateLiteral(to);
        String batchEnd = sql.dateLiteral(LocalDate.ofInstant(watermark, ZoneOffset.UTC));
        String committedSince = "_committed_at >= " + sql.timestampLiteral(watermark);
        boolean byDay = breakdown == Breakdown.DAY;
        String bucket = byDay ? "sales_date" : "k";
        String orderDate = sql.dateOf("o.created_at");
        String products = breakdown.needsProducts()
                ? "join " + sql.liveSpeedRows("products", "p") + " on p.id = d.product_id" : "";
        return """
                with dirty as (
                    select id as order_id from %s where %s
                    union distinct
                    select order_id from %s where %s
                ),
                swapped as (
                    select sales_date, k, order_id, q, s, disc, side from (
                        select %s as sales_date, %s as k, o.id as order_id, d.quantity as q,
                               d.quantity * d.price as s, d.quantity * (d.regular_price - d.price) as disc, 1 as side
                        from %s
                        join %s on o.id = d.order_id
                        %s
                        where %s %s
                        union all
                        select b.sales_date, %s, b.order_id, b.sales_quantity, b.extended_sales_amount,
                               b.extended_discount_amount, -1
                        from %s
                        where b.sales_date < %s and b.sales_date %s
                    ) as lines
                    where order_id in (select order_id from dirty)
                ),
                parts as (
                    select v.sales_date, %s as k, cast(v.order_count as {count}) as n, cast(v.sales_quantity as {count}) as q,
                           cast(v.extended_sales_amount as {money}) as s, cast(v.extended_discount_amount as {money}) as disc
                    from %s
                    where v.sales_date < %s and v.sales_date %s
                    union all
                    select sales_date, k,
                           cast(count(distinct case when side = 1 then order_id end) as {count})
                               - cast(count(distinct case when side = -1 then order_id end) as {count}),
                           cast(sum(side * q) as {count}), cast(sum(side * s) as {money}), cast(sum(side * disc) as {money})
                    from swapped group by sales_date, k
                )
                select %s as bucket, cast(sum(n) as {count}) as order_count, cast(sum(q) as {count}) as sales_quantity,
                       cast(sum(s) as {money}) as extended_sales_amount, cast(sum(disc) as {money}) as extended_discount_amount
                from parts
                group by %s
                order by %s
                """.replace("{count}", sql.countType()).replace("{money}", sql.moneyType()).formatted(
                sql.allSpeedRows("orders"), committedSince,
                sql.allSpeedRows("order_details"), committedSince,
                orderDate, byDay ? "0" : breakdown.speedKey(),
                sql.liveSpeedRows("order_details", "d", "order_id", "select order_id from dirty"),
                sql.liveSpeedRows("orders", "o", "id", "select order_id from dirty"),
                products,
                orderDate, range,
                byDay ? "0" : "b." + breakdown.keyColumn(),
                sql.batchView("order_line_sales", exportId, "b"), batchEnd, range,
                byDay ? "0" : "v." + breakdown.keyColumn(),
                sql.batchView(breakdown.batchView(), exportId, "v"), batchEnd, range,
                bucket, bucket, bucket);
    }
}
