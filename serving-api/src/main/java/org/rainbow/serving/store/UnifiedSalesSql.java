package org.rainbow.serving.store;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.export.BatchViews.Attribute;

/**
 * The one definition of how batch and speed views merge, rendered for each engine by its {@link SqlDialect}: as the
 * unified views {@code unified_sales_daily(from, to)}, {@code unified_sales_by_<cut>(from, to)} and
 * {@code unified_sales_lines(from, to)} that SQL clients ask, and as the queries of serving-api's routes, the same
 * text bound to the export and range they already know ({@link Binding}).
 *
 * <p>An order is <em>dirty</em> when any of its rows (the order or a line, deleted or not) has a change
 * committed at or after the watermark {@code W} of the served export. Every change committed before {@code W} is in
 * that export (partitions run only for ended days, after the transactions begun in them committed), so a clean
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
 * <p>Attributes are those of the order's time on both sides: the batch lines carry them from the batch layer's
 * dimensions; a line or order that changed since {@code W} looks them up with an ASOF join in the master data's
 * versions valid at the order's {@code created_at} ({@link VersionedDimension}), so no figure moves when a
 * partition lands. An unchanged line keeps its batch attributes; an unchanged order its batch customer, payment
 * and promotion.
 *
 * <p>Each source is read once (engines that inline common table expressions would otherwise read it once per
 * reference): the dirty orders' rows of both sides are tagged ({@code src} 0 order changed, 1 line changed,
 * 2 batch line), window functions give each row its order's date, time and state now, and every row is paired with
 * the two signs, −1 for the batch lines taken out and +1 for the lines as they are now.
 */
public final class UnifiedSalesSql {

    /** The view of the order lines themselves, every attribute as of order time: what BI tools slice freely. */
    public static final String LINES_VIEW = "unified_sales_lines";

    private static final String MEASURES = """
            cast(sum(n) as {count}) + cast(count(distinct case when side = 1 then order_id end) as {count})
                       - cast(count(distinct case when side = -1 then order_id end) as {count}) as order_count,
                   cast(sum(q) as {count}) as sales_quantity, cast(sum(s) as {money}) as extended_sales_amount,
                   cast(sum(disc) as {money}) as extended_discount_amount""";

    private UnifiedSalesSql() {
    }

    /** Every unified view's SELECT, by name: one per {@link Breakdown} and {@link #LINES_VIEW}. */
    public static Map<String, String> views(SqlDialect sql) {
        Map<String, String> views = new LinkedHashMap<>();
        for (Breakdown breakdown : Breakdown.values()) {
            views.put(breakdown.view(), select(sql, sql.viewBinding(), breakdown));
        }
        views.put(LINES_VIEW, render(sql, sql.viewBinding(),
                new Cut(BatchViews.LINES.name(), List.of(Attribute.values()), true, true)));
        return views;
    }

    /**
     * The rows of {@code breakdown}: per day, {@code date} and the measures (every day of the range, zeros included);
     * per key, its attributes and the measures (keys that sold nothing left out).
     */
    public static String select(SqlDialect sql, Binding binding, Breakdown breakdown) {
        return render(sql, binding, new Cut(breakdown.batchView(), breakdown.keys(), breakdown == Breakdown.DAY, false));
    }

    /** A cut of the sales: its batch view, the attributes it groups by, per day or not, per order line or not. */
    private record Cut(String batchView, List<Attribute> keys, boolean perDay, boolean perLine) {
    }

    private static String render(SqlDialect sql, Binding binding, Cut cut) {
        return new Rendering(sql, binding, cut).sql();
    }

    /** One rendering of the rule: a stage (common table expression) a method. */
    private static final class Rendering {

        private final SqlDialect sql;
        private final Binding binding;
        private final Cut cut;
        private final List<Attribute> orderKeys;
        private final List<Attribute> lineKeys;
        /** The line attributes each row carries: the cut's, and the product to look the others up by. */
        private final List<Attribute> lineCarried;
        private final boolean lookUpProducts;
        /** Whether rows carry their order's time: to look line attributes up at, or to list it. */
        private final boolean timed;
        private final String since;
        private final String batchEnd;
        private final String range;

        Rendering(SqlDialect sql, Binding binding, Cut cut) {
            this.sql = sql;
            this.binding = binding;
            this.cut = cut;
            this.orderKeys = cut.keys().stream().filter(a -> !a.ofLine()).toList();
            this.lineKeys = cut.keys().stream().filter(Attribute::ofLine).toList();
            this.lookUpProducts = lineKeys.stream().anyMatch(a -> a != Attribute.PRODUCT_ID);
            this.lineCarried = lookUpProducts && !lineKeys.contains(Attribute.PRODUCT_ID)
                    ? Stream.concat(Stream.of(Attribute.PRODUCT_ID), lineKeys.stream()).toList() : lineKeys;
            this.timed = lookUpProducts || cut.perLine();
            this.since = binding.watermark();
            this.batchEnd = sql.dateOf(since);
            this.range = "between " + binding.rangeStart() + " and " + binding.rangeEnd();
        }

        String sql() {
            return ("with " + binding.declarations() + items() + placed() + moves() + (lookUpProducts ? resolved() : "")
                    + parts() + result()).replace("{count}", sql.countType()).replace("{money}", sql.moneyType());
        }

        /** The dirty orders' rows: orders (src 0) and lines (1) changed since the watermark, their batch lines (2). */
        private String items() {
            String orderTime = "o.created_at";
            List<String> changedOrders = new ArrayList<>(List.of("o.id as order_id", "cast(0 as {count}) as line_id",
                    "0 as src", sql.dateOf(orderTime) + " as sales_date"));
            List<String> changedLines = new ArrayList<>(List.of("c.order_id", "c.id", "1", batchEnd));
            List<String> batchLines = new ArrayList<>(List.of("b.order_id", "b.order_line_id", "2", "b.sales_date"));
            if (timed) {
                changedOrders.add(orderTime + " as ordered_at");
                changedLines.add(sql.nullOf(BatchViews.Type.TIMESTAMP));
                batchLines.add("b.ordered_at");
            }
            for (Attribute key : orderKeys) {
                changedOrders.add(VersionedDimension.providing(key).map(d -> alias(d) + ".").orElse("o.") + key.column()
                        + " as " + key.column());
                changedLines.add(sql.nullOf(key.type()));
                batchLines.add("b." + key.column());
            }
            for (Attribute key : lineCarried) {
                changedOrders.add(sql.nullOf(key.type()) + " as " + key.column());
                changedLines.add(key == Attribute.PRODUCT_ID ? "c.product_id" : sql.nullOf(key.type()));
                batchLines.add("b." + key.column());
            }
            changedOrders.addAll(List.of("cast(0 as {count}) as q", "cast(0 as {money}) as s",
                    "cast(0 as {money}) as disc", sql.deletedFlag("o") + " as gone"));
            changedLines.addAll(List.of("c.quantity", "c.quantity * c.price", "c.quantity * (c.regular_price - c.price)",
                    sql.deletedFlag("c")));
            batchLines.addAll(List.of("b.sales_quantity", "b.extended_sales_amount", "b.extended_discount_amount", "0"));
            // A changed order's customer, payment method and promotion, as they were when it was placed.
            String orderLookups = orderKeys.stream().map(VersionedDimension::providing).flatMap(Optional::stream)
                    .distinct().map(d -> "\n    " + lookUp(d, "o." + d.key(), orderTime)).collect(Collectors.joining());
            return """
                    items as (
                        select %s
                        from %s%s
                        union all
                        select %s
                        from %s
                        union all
                        select %s
                        from %s
                        where b.order_id in (select id from %s where %s
                                             union distinct
                                             select order_id from %s where %s)
                    ),
                    """.formatted(String.join(", ", changedOrders), sql.changedSpeedRows("orders", "o", since),
                    orderLookups, String.join(", ", changedLines), sql.changedSpeedRows("order_details", "c", since),
                    String.join(", ", batchLines), binding.batchView(BatchViews.LINES.name(), "b"),
                    sql.speedTable("orders"), committedSince(), sql.speedTable("order_details"), committedSince());
        }

        /** Each row with its order's date, time and state now, from whichever of its rows know them. */
        private String placed() {
            List<String> columns = new ArrayList<>(List.of("i.*",
                    window("max", "src = 0", "sales_date") + " as order_date",
                    window("min", "src = 2", "sales_date") + " as batch_date",
                    "max(case when src = 0 then gone else 0 end) over (partition by order_id) as order_gone",
                    "max(case when src = 1 then 1 else 0 end) over (partition by order_id, line_id) as line_changed"));
            if (!orderKeys.isEmpty()) {
                columns.add("max(case when src = 0 then 1 else 0 end) over (partition by order_id) as order_changed");
            }
            if (timed) {
                columns.add(window("max", "src = 0", "ordered_at") + " as order_time");
                columns.add(window("min", "src = 2", "ordered_at") + " as batch_time");
            }
            for (Attribute key : orderKeys) {
                columns.add(window("max", "src = 0", key.column()) + " as order_" + key.column());
                columns.add(window("min", "src = 2", key.column()) + " as batch_" + key.column());
            }
            return """
                    placed as (
                        select %s
                        from items as i
                    ),
                    """.formatted(String.join(",\n           ", columns));
        }

        /** Every row paired with its signs: −1 for a batch line taken out, +1 for a line as it is now. */
        private String moves() {
            List<String> columns = new ArrayList<>(List.of(
                    "case when side = 1 then coalesce(order_date, batch_date) else sales_date end as sales_date",
                    "order_id", "line_id", "side", "src", "q", "s", "disc"));
            if (timed) {
                columns.add("case when side = 1 then coalesce(order_time, batch_time) else ordered_at end as ordered_at");
            }
            for (Attribute key : orderKeys) {
                columns.add("case when side = 1 and order_changed = 1 then order_" + key.column() + " else batch_"
                        + key.column() + " end as " + key.column());
            }
            lineCarried.forEach(key -> columns.add(key.column()));
            return """
                    moves as (
                        select %s
                        from placed cross join (select 1 as side union all select -1 as side) as sides
                        where (side = 1 and order_gone = 0 and (src = 1 and gone = 0 or src = 2 and line_changed = 0))
                           or (side = -1 and src = 2 and sales_date < %s)
                    ),
                    """.formatted(String.join(",\n           ", columns), batchEnd);
        }

        /** A changed line's product (and its seller), as it was when the order was placed. */
        private String resolved() {
            // Aliased: ClickHouse names a qualified column by its qualified name.
            List<String> columns = new ArrayList<>(Stream.of("sales_date", "order_id", "line_id", "side", "q", "s",
                    "disc").map(c -> "m." + c + " as " + c).toList());
            if (cut.perLine()) {
                columns.add("m.ordered_at as ordered_at");
            }
            orderKeys.forEach(key -> columns.add("m." + key.column() + " as " + key.column()));
            for (Attribute key : lineKeys) {
                columns.add(key == Attribute.PRODUCT_ID ? "m.product_id as product_id" : "case when m.src = 1 then "
                        + alias(VersionedDimension.providing(key).orElseThrow()) + "." + key.column() + " else m."
                        + key.column() + " end as " + key.column());
            }
            String at = "coalesce(m.ordered_at, " + sql.timestampLiteral(Instant.EPOCH) + ")";
            String lookups = lookUp(VersionedDimension.PRODUCT, "m.product_id", at);
            if (lineKeys.contains(Attribute.SELLER_NAME)) {
                lookups += "\n    " + lookUp(VersionedDimension.SELLER, alias(VersionedDimension.PRODUCT) + ".seller_id", at);
            }
            return """
                    resolved as (
                        select %s
                        from moves as m
                        %s
                    ),
                    """.formatted(String.join(", ", columns), lookups);
        }

        /** The batch view's rows before the watermark, and the signed rows, in the range (and every day, zeros). */
        private String parts() {
            List<String> keyColumns = cut.keys().stream().map(Attribute::column).toList();
            List<String> batch = new ArrayList<>(List.of("v.sales_date as sales_date"));
            List<String> signed = new ArrayList<>(List.of("sales_date"));
            if (cut.perLine()) {
                batch.addAll(List.of("v.ordered_at as ordered_at", "v.order_line_id as line_id", "v.order_id as order_id"));
                signed.addAll(List.of("ordered_at", "line_id", "order_id"));
            } else {
                batch.add("cast(0 as {count}) as order_id");
                signed.add("order_id");
            }
            keyColumns.forEach(k -> batch.add("v." + k + " as " + k));
            signed.addAll(keyColumns);
            batch.addAll(List.of("0 as side", cut.perLine() ? "cast(0 as {count}) as n" : "cast(v.order_count as {count}) as n",
                    "cast(v.sales_quantity as {count}) as q", "cast(v.extended_sales_amount as {money}) as s",
                    "cast(v.extended_discount_amount as {money}) as disc"));
            signed.addAll(List.of("side", "0", "side * q", "side * s", "side * disc"));
            String zeroDays = cut.perDay() && !cut.perLine()
                    ? "\n    union all\n    select day, cast(0 as {count}), 0, 0, 0, 0, 0 from "
                    + sql.daysOfRange(binding.rangeStart(), binding.rangeEnd()) : "";
            return """
                    parts as (
                        select %s
                        from %s
                        where v.sales_date < %s and v.sales_date %s
                        union all
                        select %s
                        from %s
                        where sales_date %s%s
                    )
                    """.formatted(String.join(", ", batch), binding.batchView(cut.batchView(), "v"), batchEnd, range,
                    String.join(", ", signed), lookUpProducts ? "resolved" : "moves", range, zeroDays);
        }

        private String result() {
            List<String> keyColumns = cut.keys().stream().map(Attribute::column).toList();
            if (cut.perLine()) {
                List<String> grouping = new ArrayList<>(List.of("sales_date", "ordered_at", "order_id", "line_id"));
                grouping.addAll(keyColumns);
                return """
                        select sales_date, ordered_at, order_id, line_id as order_line_id, %s,
                               cast(sum(q) as {count}) as sales_quantity, cast(sum(s) as {money}) as extended_sales_amount,
                               cast(sum(disc) as {money}) as extended_discount_amount
                        from parts
                        group by %s
                        having sum(case when side = -1 then -1 else 1 end) > 0""".formatted(
                        String.join(", ", keyColumns), String.join(", ", grouping));
            }
            if (cut.perDay()) {
                return "select sales_date as date,\n       " + MEASURES + "\nfrom parts\ngroup by sales_date";
            }
            // A key all of whose orders moved to another key (or day) nets to nothing: no row, as if never sold.
            return "select " + String.join(", ", keyColumns) + ",\n       " + MEASURES + "\nfrom parts\ngroup by "
                    + String.join(", ", keyColumns) + "\nhaving order_count <> 0";
        }

        /**
         * An ASOF join to the versions of {@code dimension} (the served export's, then the speed tables' since the
         * watermark): the newest version of the key {@code key} valid at {@code time}.
         */
        private String lookUp(VersionedDimension dimension, String key, String time) {
            String attributes = dimension.attributes().stream().map(Attribute::column).collect(Collectors.joining(", "));
            String speedAttributes = dimension.attributes().stream()
                    .map(a -> dimension.speedColumn(a) + " as " + a.column()).collect(Collectors.joining(", "));
            String alias = alias(dimension);
            return ("asof left join (select %1$s, valid_from, %2$s from %3$s union all select id, updated_at, %4$s from %5$s"
                    + " where %6$s) as %7$s on %7$s.%1$s = %8$s and %7$s.valid_from <= %9$s").formatted(
                    dimension.key(), attributes, binding.batchView(dimension.batchView(), "bv"), speedAttributes,
                    sql.speedTable(versionsTable(dimension)), committedSince(), alias, key, time);
        }

        /** A speed row committed at or after the watermark: what the batch export does not hold yet. */
        private String committedSince() {
            return COMMITTED_AT + " >= " + since;
        }

        private static String window(String aggregate, String condition, String column) {
            return aggregate + "(case when " + condition + " then " + column + " end) over (partition by order_id)";
        }

        private static String alias(VersionedDimension dimension) {
            return "v_" + dimension.name().toLowerCase();
        }
    }

    /** The speed table that keeps every version of a dimension's rows (stream-bridge writes it). */
    static String versionsTable(VersionedDimension dimension) {
        return RainbowTables.byName(dimension.speedTable()).orElseThrow().versionsTable();
    }
}
