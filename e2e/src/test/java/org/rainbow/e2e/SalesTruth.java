package org.rainbow.e2e;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rainbow.serving.store.SalesTotals;
import org.springframework.jdbc.core.JdbcTemplate;

/** The answers, computed straight from the Rainbow tables in PostgreSQL (UTC days). */
final class SalesTruth {

    private static final String MEASURES = "count(distinct o.id) as orders, sum(d.quantity) as quantity, "
            + "sum(d.quantity * d.price) as sales, sum(d.quantity * (d.regular_price - d.price)) as discount";
    private static final String LINES = " from orders o join order_details d on d.order_id = o.id"
            + " join products p on p.id = d.product_id"
            + " where (o.created_at at time zone 'UTC')::date between ?::date and ?::date";

    private final JdbcTemplate source;

    SalesTruth(JdbcTemplate source) {
        this.source = source;
    }

    Map<LocalDate, SalesTotals> daily(LocalDate from, LocalDate to) {
        Map<LocalDate, SalesTotals> days = new LinkedHashMap<>();
        source.query("select (o.created_at at time zone 'UTC')::date as day, " + MEASURES + LINES + " group by 1 order by 1",
                rs -> {
                    days.put(rs.getObject("day", LocalDate.class), totals(rs));
                }, from.toString(), to.toString());
        return days;
    }

    /** Per key: {@code d.product_id}, {@code p.seller_id} or {@code o.payment_id}. */
    Map<Long, SalesTotals> by(String key, LocalDate from, LocalDate to) {
        Map<Long, SalesTotals> keys = new LinkedHashMap<>();
        source.query("select " + key + " as k, " + MEASURES + LINES + " group by 1 order by 1",
                rs -> {
                    keys.put(rs.getLong("k"), totals(rs));
                }, from.toString(), to.toString());
        return keys;
    }

    private static SalesTotals totals(ResultSet rs) throws SQLException {
        return new SalesTotals(rs.getLong("orders"), rs.getLong("quantity"), money(rs.getBigDecimal("sales")),
                money(rs.getBigDecimal("discount")));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2);
    }
}
