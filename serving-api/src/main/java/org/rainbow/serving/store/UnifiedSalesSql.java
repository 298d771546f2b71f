package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one definition of how batch and speed views merge, rendered for each engine by its {@link SqlDialect}.
 *
 * <p>An order is <em>dirty</em> when any of its rows (the order or a line, deleted or not) has a change
 * committed at or after the watermark {@code W}. Every change committed before {@code W} is in the batch
 * export (partitions run only for ended days, after the transactions begun in them committed), so a clean
 * order is counted from the batch views alone. A dirty order is counted as it is now, row by row: each of its
 * rows changed since {@code W} as the speed tables hold it (deleted rows left out), each other row as the batch
 * export holds it (it has not changed since). Hence, for each day {@code d} (or key):
 * <pre>
 *   unified(d) = [d &lt; W] · (batch view(d) − batch lines of dirty orders on d) + dirty orders' lines now, on d
 * </pre>
 * Every order is counted exactly once, from exactly one side: also when the batch side is empty ({@code W} =
 * epoch: every order is dirty and wholly in the speed tables), lags, or a late change or delete touches a day
 * long before {@code W}. Speed rows older than {@code W} are never read: the speed tables may forget those of
 * orders the batch holds ({@link SpeedCompactionSql}), and a redelivered old change cannot outvote the batch.
 *
 * <p>Each source is read once (engines that inline common table expressions would otherwise read it once per
 * reference): the dirty orders' rows of both sides are tagged ({@code src} 0 order changed, 1 line changed,
 * 2 batch line), window functions give each row its order's date and state now, and every row is paired with
 * the two signs, −1 for the batch lines taken out and +1 for the lines as they are now.
 */
public final class UnifiedSalesSql {

    private UnifiedSalesSql() {
    }

    /** Rows {@code (bucket, order_count, sales_quantity, extended_sales_amount, extended_discount_amount)}. */
    public static String query(SqlDialect sql, Breakdown breakdown, LocalDate from, LocalDate to, String exportId,
                               Instant watermark) {
        String range = "between " + sql.dateLiteral(from) + " and " + sql.dateLiteral(to);
        String batchEnd = sql.dateLiteral(LocalDate.ofInstant(watermark, ZoneOffset.UTC));
        String since = sql.timestampLiteral(watermark);
        boolean byDay = breakdown == Breakdown.DAY;
        // A changed line's seller is its product's current seller (the batch lines carry the seller at order time).
        String seller = breakdown.needsProducts() ? "p.seller_id" : "0";
        String products = breakdown.needsProducts()
                ? "left join " + sql.liveSpeedRows("products", "p") + " on p.id = c.product_id" : "";
        String batchKey = byDay ? "0" : breakdown.keyColumn();
        String nowKey = breakdown == Breakdown.PAYMENT ? "coalesce(order_payment, batch_payment)" : batchKey;
        return """
                with items as (
                    select o.id as order_id, cast(0 as {count}) as line_id, 0 as src, %1$s as sales_date,
                           cast(o.payment_id as {count}) as payment_id, cast(0 as {count}) as product_id,
                           cast(0 as {count}) as seller_id, cast(0 as {count}) as q, cast(0 as {money}) as s,
                           cast(0 as {money}) as disc, %2$s as gone
                    from %3$s
                    union all
                    select c.order_id, c.id, 1, %4$s, 0, c.product_id, %5$s, c.quantity, c.quantity * c.price,
                           c.quantity * (c.regular_price - c.price), %6$s
                    from %7$s
                    %8$s
                    union all
                    select b.order_id, b.order_line_id, 2, b.sales_date, b.payment_id, b.product_id, b.seller_id,
                           b.sales_quantity, b.extended_sales_amount, b.extended_discount_amount, 0
                    from %9$s
                    where b.order_id in (select id from %10$s where _committed_at >= %11$s
                                         union distinct
                                         select order_id from %12$s where _committed_at >= %11$s)
                ),
                placed as (
                    select i.*,
                           max(case when src = 0 then sales_date end) over (partition by order_id) as order_date,
                           min(case when src = 2 then sales_date end) over (partition by order_id) as batch_date,
                           max(case when src = 0 then payment_id end) over (partition by order_id) as order_payment,
                           min(case when src = 2 then payment_id end) over (partition by order_id) as batch_payment,
                           max(case when src = 0 then gone else 0 end) over (partition by order_id) as order_gone,
                           max(case when src = 1 then 1 else 0 end) over (partition by order_id, line_id) as line_changed
                    from items as i
                ),
                moves as (
                    select case when side = 1 then coalesce(order_date, batch_date) else sales_date end as sales_date,
                           case when side = 1 then %13$s else %14$s end as k,
                           order_id, side, q, s, disc
                    from placed cross join (select 1 as side union all select -1 as side) as sides
                    where (side = 1 and order_gone = 0 and (src = 1 and gone = 0 or src = 2 and line_changed = 0))
                       or (side = -1 and src = 2 and sales_date < %4$s)
                ),
                parts as (
                    select v.sales_date as sales_date, %15$s as k, cast(0 as {count}) as order_id, 0 as side,
                           cast(v.order_count as {count}) as n, cast(v.sales_quantity as {count}) as q,
                           cast(v.extended_sales_amount as {money}) as s, cast(v.extended_discount_amount as {money}) as disc
                    from %16$s
                    where v.sales_date < %4$s and v.sales_date %17$s
                    union all
                    select sales_date, k, order_id, side, 0, side * q, side * s, side * disc
                    from moves
                    where sales_date %17$s
                )
                select %18$s as bucket,
                       cast(sum(n) as {count}) + cast(count(distinct case when side = 1 then order_id end) as {count})
                           - cast(count(distinct case when side = -1 then order_id end) as {count}) as order_count,
                       cast(sum(q) as {count}) as sales_quantity, cast(sum(s) as {money}) as extended_sales_amount,
                       cast(sum(disc) as {money}) as extended_discount_amount
                from parts
                group by %18$s
                order by %18$s
                """.replace("{count}", sql.countType()).replace("{money}", sql.moneyType()).formatted(
                sql.dateOf("o.created_at"), sql.deletedFlag("o"), sql.changedSpeedRows("orders", "o", since),
                batchEnd, seller, sql.deletedFlag("c"), sql.changedSpeedRows("order_details", "c", since), products,
                sql.batchView("order_line_sales", exportId, "b"), sql.speedTable("orders"), since,
                sql.speedTable("order_details"),
                nowKey, batchKey,
                byDay ? "0" : "v." + breakdown.keyColumn(),
                sql.batchView(breakdown.batchView(), exportId, "v"),
                range, byDay ? "sales_date" : "k");
    }
}
