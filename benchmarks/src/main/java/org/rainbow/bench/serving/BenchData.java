package org.rainbow.bench.serving;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.VERSION;

import com.clickhouse.client.api.Client;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rainbow.speed.sink.ChangeRow;
import org.rainbow.speed.sink.SpeedTableWriter;
import org.rainbow.speed.sink.clickhouse.ClickHouseSpeedTableWriter;
import org.rainbow.speed.sink.duckdb.DuckDbSpeedTableWriter;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.VersionedDimension;
import org.rainbow.storage.export.BatchViews;

/**
 * The benchmark's data. Batch side: {@code lines} order lines (2.5 per order) spread evenly over the {@code days}
 * days before today, written straight into the serving store's batch tables by the engine itself, and the batch
 * views aggregated from them, as one served export with the watermark at today 00:00 UTC. Speed side: one day's
 * worth of lines ({@code lines / days}), today's orders, written through speed-store's own speed-table writers
 * with commit times after the watermark, plus the products they sell (committed long ago).
 */
final class BenchData {

    private static final int PRODUCTS = 5_000;
    private static final int SELLERS = 200;

    private final long lines;
    private final long orders;
    private final int days;
    private final LocalDate today;
    private final LocalDate first;

    private final boolean speedHistory;

    BenchData(long lines, int days, LocalDate today, boolean speedHistory) {
        this.speedHistory = speedHistory;
        this.lines = lines;
        this.orders = lines * 2 / 5;
        this.days = days;
        this.today = today;
        this.first = today.minusDays(days);
    }

    long speedLines() {
        return lines / days;
    }

    /** A daily query the unified one is held against: the batch view alone, or a bare aggregate of speed rows. */
    interface Baseline {
        int daily(LocalDate from, LocalDate to) throws Exception;
    }

    void fillDuckDb(Path file) throws Exception {
        long began = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement sql = connection.createStatement()) {
            String n = "i";
            sql.execute("insert into batch.order_line_sales (" + LINE_COLUMNS + ") select 'bench', i, " + orderOf(n)
                    + ", date '" + first + "' + cast(" + dayOf(n) + " as integer), " + lineAttributes(n, "date '" + first
                    + "' + cast(" + dayOf(n) + " as integer) + interval 12 hour") + ", " + quantityOf(n) + ", "
                    + quantityOf(n) + " * " + priceOf(n) + ", case when i % 10 = 0 then " + quantityOf(n)
                    + " * 0.50 else 0 end from range(" + lines + ") t(i)");
            for (String view : batchViews("batch", "count(distinct order_id)", "timestamp '" + first + " 00:00:00'")) {
                sql.execute(view);
            }
            sql.execute("insert into batch.exports values ('bench', timestamp '" + today + " 00:00:00', now(), date '"
                    + today.minusDays(1) + "', now())");
            sql.execute("checkpoint");
        }
        System.out.printf("  batch tables filled in %.1f s%n", (System.nanoTime() - began) / 1e9);
        try (DuckDbSpeedTableWriter writer = new DuckDbSpeedTableWriter(file)) {
            writeSpeedDay(writer);
        }
        if (speedHistory) {
            long history = System.nanoTime();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                 Statement sql = connection.createStatement()) {
                sql.execute("set TimeZone = 'UTC'");
                // What the stream wrote on those days: every batch line and order, committed when placed.
                sql.execute("insert into speed.orders select order_id, 1 + order_id % 500, payment_id, null, 'PLACED', 0, "
                        + "placed, placed, order_id, false, placed, placed from (select order_id, any_value(payment_id) "
                        + "as payment_id, any_value(sales_date) + interval 12 hour as placed from batch.order_line_sales "
                        + "group by order_id)");
                sql.execute("insert into speed.order_details select l.order_line_id, l.order_id, "
                        + "l.product_id, l.sales_quantity, l.extended_sales_amount / l.sales_quantity, "
                        + "l.extended_sales_amount / l.sales_quantity, o.created_at, o.created_at, l.order_line_id, false, "
                        + "o.created_at, o.created_at from batch.order_line_sales l join speed.orders o on o.id = l.order_id");
                sql.execute("checkpoint");
            }
            System.out.printf("  speed tables also hold the history (%,d lines) in %.1f s%n", lines,
                    (System.nanoTime() - history) / 1e9);
        }
    }

    void fillClickHouse(LocalClickHouse clickHouse, String url) throws Exception {
        long began = System.nanoTime();
        String n = "number"; // the column of numbers(), and what tells the helpers to write ClickHouse SQL
        clickHouse.query("insert into serving.order_line_sales (" + LINE_COLUMNS + ") select 'bench', number, "
                + orderOf(n) + ", toDate32('" + first + "') + " + dayOf(n) + ", " + lineAttributes(n, "toDateTime64(toDate32('"
                + first + "') + " + dayOf(n) + ", 6, 'UTC') + 43200") + ", " + quantityOf(n) + ", toDecimal64("
                + quantityOf(n) + " * " + priceOf(n) + ", 2), toDecimal64(if(number % 10 = 0, " + quantityOf(n)
                + " * 0.50, 0), 2) from numbers(" + lines + ")");
        for (String view : batchViews("serving", "uniqExact(order_id)", "toDateTime64('" + first + " 00:00:00', 6, 'UTC')")) {
            clickHouse.query(view);
        }
        clickHouse.query("insert into serving.exports values ('bench', toDateTime64('" + today + " 00:00:00', 6, 'UTC'), "
                + "now64(6), toDate32('" + today.minusDays(1) + "'), now64(6))");
        clickHouse.query("optimize table serving.order_line_sales final");
        System.out.printf("  batch tables filled in %.1f s%n", (System.nanoTime() - began) / 1e9);
        try (ClickHouseSpeedTableWriter writer = new ClickHouseSpeedTableWriter(
                new ServingStoreProperties.ClickHouse(url, "default", "", "serving", "speed"))) {
            writeSpeedDay(writer);
        }
        if (speedHistory) {
            long history = System.nanoTime();
            clickHouse.query("insert into speed.orders (" + speedColumns("orders") + ") "
                    + "select order_id, 1 + order_id % 500, any(payment_id), null, 'PLACED', 0, toDateTime64(any(sales_date), 6, 'UTC') + 43200, "
                    + "toDateTime64(any(sales_date), 6, 'UTC') + 43200, order_id, 0, toDateTime64(any(sales_date), 6, 'UTC') "
                    + "+ 43200 from serving.order_line_sales group by order_id");
            clickHouse.query("insert into speed.order_details (" + speedColumns("order_details") + ") "
                    + "select order_line_id, order_id, product_id, "
                    + "sales_quantity, extended_sales_amount / sales_quantity, extended_sales_amount / sales_quantity, "
                    + "toDateTime64(sales_date, 6, 'UTC') + 43200, toDateTime64(sales_date, 6, 'UTC') + 43200, order_line_id, "
                    + "0, toDateTime64(sales_date, 6, 'UTC') + 43200 from serving.order_line_sales");
            // Merge now: background merges of 14 million fresh rows would otherwise run during the measurement.
            clickHouse.query("optimize table speed.orders final");
            clickHouse.query("optimize table speed.order_details final");
            System.out.printf("  speed tables also hold the history (%,d lines) in %.1f s%n", lines,
                    (System.nanoTime() - history) / 1e9);
        }
    }

    Baseline duckDbBatchOnly(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        PreparedStatement query = connection.prepareStatement("select sales_date, order_count, sales_quantity, "
                + "extended_sales_amount, extended_discount_amount from batch.agg_daily_sales "
                + "where sales_date between ? and ? order by sales_date");
        return (from, to) -> {
            query.setObject(1, from);
            query.setObject(2, to);
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    result.getBigDecimal(4);
                    rows++;
                }
            }
            return rows;
        };
    }

    private static Client client(LocalClickHouse clickHouse) {
        return new Client.Builder().addEndpoint("http://127.0.0.1:" + clickHouse.httpPort())
                .setUsername("default").setPassword("").build();
    }

    Baseline clickHouseBatchOnly(LocalClickHouse clickHouse) {
        Client client = client(clickHouse);
        return (from, to) -> client.queryAll("select sales_date, order_count, sales_quantity, extended_sales_amount, "
                + "extended_discount_amount from serving.agg_daily_sales where export_id = 'bench' and sales_date between "
                + "toDate32('" + from + "') and toDate32('" + to + "') order by sales_date").size();
    }

    /**
     * The speed side at its barest: today's orders and their lines committed since the watermark, joined and summed
     * per day, with no versions merged and no batch side to correct.
     */
    Baseline duckDbBareSpeed(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        PreparedStatement query = connection.prepareStatement("select cast(o.created_at as date), count(distinct o.id), "
                + "sum(l.quantity), sum(l.quantity * l.price), sum(l.quantity * (l.regular_price - l.price)) "
                + "from speed.orders o join speed.order_details l on l.order_id = o.id "
                + "where o." + COMMITTED_AT + " >= ? and cast(o.created_at as date) between ? and ? group by 1");
        return (from, to) -> {
            query.setObject(1, today.atStartOfDay());
            query.setObject(2, from);
            query.setObject(3, to);
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        };
    }

    Baseline clickHouseBareSpeed(LocalClickHouse clickHouse) {
        Client client = client(clickHouse);
        return (from, to) -> client.queryAll("select toDate32(o.created_at) as d, uniqExact(o.id), sum(l.quantity), "
                + "sum(l.quantity * l.price), sum(l.quantity * (l.regular_price - l.price)) from speed.orders as o "
                + "join speed.order_details as l on l.order_id = o.id where o." + COMMITTED_AT
                + " >= toDateTime64('" + today
                + " 00:00:00', 6, 'UTC') and d between toDate32('" + from + "') and toDate32('" + to + "') group by d").size();
    }

    /** Today's orders so far, one line in 2.5 of a day's worth, through the sink's own writer. */
    private void writeSpeedDay(SpeedTableWriter writer) {
        long began = System.nanoTime();
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long secondsToday = Math.max(1, Instant.now().getEpochSecond() - midnight.getEpochSecond());
        Instant longAgo = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        long version = 1;
        List<ChangeRow> products = new ArrayList<>();
        for (long p = 1; p <= PRODUCTS; p++) {
            products.add(new ChangeRow(table("products"), new Object[] {p, p % SELLERS + 1, "Product " + p, "Home",
                    price(p), longAgo, longAgo}, version++, false, longAgo));
        }
        writer.write(table("products"), products);
        long dayLines = speedLines();
        long dayOrders = dayLines * 2 / 5;
        List<ChangeRow> orderRows = new ArrayList<>();
        for (long o = 1; o <= dayOrders; o++) {
            Instant placed = midnight.plusSeconds(o * secondsToday / (dayOrders + 1));
            orderRows.add(new ChangeRow(table("orders"), new Object[] {orders + o, 1 + o % 500, 1 + o % 6, null, "PLACED",
                    BigDecimal.ZERO.setScale(2), placed, placed}, version++, false, placed));
        }
        writer.write(table("orders"), orderRows);
        List<ChangeRow> lineRows = new ArrayList<>();
        for (long l = 0; l < dayLines; l++) {
            long order = Math.min(dayOrders, l * 2 / 5 + 1);
            Instant placed = midnight.plusSeconds(order * secondsToday / (dayOrders + 1));
            long product = (l * 2654435761L) % PRODUCTS + 1;
            lineRows.add(new ChangeRow(table("order_details"), new Object[] {lines + l + 1, orders + order, product,
                    (int) (1 + l % 4), price(product), price(product), placed, placed}, version++, false, placed));
            if (lineRows.size() == 5_000) {
                writer.write(table("order_details"), lineRows);
                lineRows.clear();
            }
        }
        writer.write(table("order_details"), lineRows);
        System.out.printf("  speed tables: %,d products, %,d orders, %,d lines written in %.1f s%n", PRODUCTS, dayOrders,
                dayLines, (System.nanoTime() - began) / 1e9);
    }

    private static final String LINE_COLUMNS = "export_id, order_line_id, order_id, sales_date, ordered_at, product_id, "
            + "product_name, category, seller_id, seller_name, customer_id, customer_city, payment_id, payment_method, "
            + "sales_quantity, extended_sales_amount, extended_discount_amount";

    /** The attributes of line {@code i}, from {@code ordered_at} to {@code payment_method} (no promotions). */
    private static String lineAttributes(String i, String orderedAt) {
        String product = productOf(i);
        String seller = "(" + product + " % " + SELLERS + " + 1)";
        String customer = "(1 + " + orderOf(i) + " % 500)";
        String payment = "(" + i + " % 6 + 1)";
        return String.join(", ", orderedAt, product, "concat('Product ', " + product + ")",
                "concat('Category ', " + product + " % 20)", seller, "concat('Seller ', " + seller + ")",
                customer, "concat('City ', " + customer + " % 50)", payment, "concat('M', " + payment + ")");
    }

    /**
     * Every batch view but the lines, aggregated from the lines of {@code schema} (the aggregates) or taken from them
     * (the versions of master data, all valid since {@code longAgo}), as the batch layer builds them.
     */
    private static List<String> batchViews(String schema, String countOrders, String longAgo) {
        List<String> views = new ArrayList<>();
        String measures = countOrders + ", sum(sales_quantity), sum(extended_sales_amount), sum(extended_discount_amount)";
        for (Breakdown breakdown : Breakdown.values()) {
            String keys = breakdown.keys().stream().map(k -> ", " + k.column()).collect(Collectors.joining());
            views.add("insert into " + schema + "." + breakdown.batchView() + " select 'bench', sales_date" + keys + ", "
                    + measures + " from " + schema + ".order_line_sales group by sales_date" + keys);
        }
        for (VersionedDimension dimension : VersionedDimension.values()) {
            String attributes = dimension.attributes().stream().map(Attribute::column).collect(Collectors.joining(", "));
            views.add("insert into " + schema + "." + dimension.batchView() + " select distinct 'bench', " + dimension.key()
                    + ", " + longAgo + ", " + attributes + " from " + schema + ".order_line_sales where " + dimension.key()
                    + " is not null");
        }
        return views;
    }

    /** Line {@code i} belongs to order {@code 2i/5}; orders are spread evenly over the days, in id order. */
    private static String orderOf(String i) {
        return div(i + " * 2", "5", i);
    }

    private String dayOf(String i) {
        return div(orderOf(i) + " * " + days, String.valueOf(orders), i);
    }

    /** Integer division: DuckDB's {@code //}, ClickHouse's {@code intDiv} (its row number is {@code number}). */
    private static String div(String a, String b, String i) {
        return i.equals("number") ? "intDiv(" + a + ", " + b + ")" : "((" + a + ") // " + b + ")";
    }

    private static String productOf(String i) {
        return "((" + i + " * 2654435761) % " + PRODUCTS + " + 1)";
    }

    private static String quantityOf(String i) {
        return "(1 + (" + i + " * 40503) % 4)";
    }

    private static String priceOf(String i) {
        return "(cast((" + productOf(i) + " % 97 + 1) * 125 as decimal(18,2)) / 100)";
    }

    private static BigDecimal price(long product) {
        return BigDecimal.valueOf((product % 97 + 1) * 125L, 2);
    }

    /** A speed table's columns as the writers create them: the source table's, then version, deletion, commit time. */
    private static String speedColumns(String table) {
        return Stream.concat(table(table).columns().stream().map(Column::name),
                Stream.of(VERSION, DELETED, COMMITTED_AT)).collect(Collectors.joining(", "));
    }

    private static CapturedTable table(String name) {
        return RainbowTables.byName(name).orElseThrow();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

}
