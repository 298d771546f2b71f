package org.rainbow.e2e;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.SalesTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.rainbow.storage.export.BatchViews;

/**
 * The answers, computed straight from the Rainbow tables in PostgreSQL (UTC days), each line named by the master
 * data as it was when its order was placed: the version in PostgreSQL's row history with the latest
 * {@code updated_at} at or before the order's {@code created_at}.
 */
final class SalesTruth {

    private static final String MEASURES = "count(distinct order_id) as orders, sum(sales_quantity) as quantity, "
            + "sum(extended_sales_amount) as sales, sum(extended_discount_amount) as discount";
    private static final String LINES = """
            (select o.id as order_id, d.id as order_line_id, (o.created_at at time zone 'UTC')::date as sales_date,
                    o.created_at as ordered_at, d.quantity as sales_quantity, d.quantity * d.price as extended_sales_amount,
                    d.quantity * (d.regular_price - d.price) as extended_discount_amount,
                    d.product_id, p.name as product_name, p.category, p.seller_id, s.name as seller_name,
                    o.customer_id, c.city as customer_city, o.payment_id, pay.method as payment_method,
                    o.promotion_id, pr.name as promotion_name, pr.discount_type as promotion_type
             from orders o join order_details d on d.order_id = o.id
             %s
             where (o.created_at at time zone 'UTC')::date between ?::date and ?::date) as lines""".formatted(
            String.join("\n", asOf("products", "p", "d.product_id"), asOf("sellers", "s", "p.seller_id"),
                    asOf("customers", "c", "o.customer_id"), asOf("payments", "pay", "o.payment_id"),
                    asOf("promotions", "pr", "o.promotion_id")));

    private final JdbcTemplate source;

    SalesTruth(JdbcTemplate source) {
        this.source = source;
    }

    Map<LocalDate, SalesTotals> daily(LocalDate from, LocalDate to) {
        Map<LocalDate, SalesTotals> days = new LinkedHashMap<>();
        source.query("select sales_date, " + MEASURES + " from " + LINES + " group by 1 order by 1",
                rs -> {
                    days.put(rs.getObject("sales_date", LocalDate.class), totals(rs));
                }, from.toString(), to.toString());
        return days;
    }

    /** Per value of {@code keys} (attributes as of order time). */
    Map<List<Object>, SalesTotals> by(List<Attribute> keys, LocalDate from, LocalDate to) {
        String columns = keys.stream().map(Attribute::column).collect(Collectors.joining(", "));
        Map<List<Object>, SalesTotals> slices = new LinkedHashMap<>();
        source.query("select " + columns + ", " + MEASURES + " from " + LINES + " group by " + columns,
                rs -> {
                    slices.put(key(rs, keys), totals(rs));
                }, from.toString(), to.toString());
        return slices;
    }

    /** Every line of the range, as {@code unified_sales_lines} lists them. */
    List<SalesLine> lines(LocalDate from, LocalDate to) {
        return source.query("select * from " + LINES + " order by order_line_id",
                (rs, n) -> SalesLine.of(rs, rs.getObject("ordered_at", OffsetDateTime.class).toInstant()),
                from.toString(), to.toString());
    }

    private static String asOf(String table, String alias, String key) {
        return ("left join lateral (select * from history.%1$s h where h.id = %3$s and h.change_op <> 'D' "
                + "and h.updated_at <= o.created_at order by h.updated_at desc, h.change_seq desc limit 1) %2$s on true")
                .formatted(table, alias, key);
    }

    private static List<Object> key(ResultSet rs, List<Attribute> keys) throws SQLException {
        List<Object> key = new ArrayList<>();
        for (Attribute attribute : keys) {
            key.add(attribute.type() == BatchViews.Type.BIGINT ? rs.getObject(attribute.column(), Long.class)
                    : rs.getString(attribute.column()));
        }
        return key;
    }

    private static SalesTotals totals(ResultSet rs) throws SQLException {
        return new SalesTotals(rs.getLong("orders"), rs.getLong("quantity"), money(rs.getBigDecimal("sales")),
                money(rs.getBigDecimal("discount")));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2);
    }
}
