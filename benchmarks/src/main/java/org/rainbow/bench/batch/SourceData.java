package org.rainbow.bench.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.rainbow.engines.postgres.LocalPostgres;

/**
 * Generated Rainbow data, written with plain SQL through the tables' triggers (so the row history the extract
 * reads is filled as in production): master data on one day, and days of orders of 2.5 lines each, spread
 * over the day.
 */
final class SourceData {

    static final int CUSTOMERS = 10_000;
    static final int SELLERS = 500;
    static final int PRODUCTS = 5_000;

    private SourceData() {
    }

    static void masterData(LocalPostgres postgres, String database, LocalDate day) throws SQLException {
        String at = "timestamptz '" + day + " 08:00+00'";
        execute(postgres, database,
                "insert into payments (id, method, created_at, updated_at) select g, 'METHOD_' || g, " + at + ", " + at
                        + " from generate_series(1, 6) g",
                "insert into sellers (id, name, city, created_at, updated_at) select g, 'Seller ' || g, 'City', " + at
                        + ", " + at + " from generate_series(1, " + SELLERS + ") g",
                "insert into products (id, seller_id, name, category, price, created_at, updated_at) select g, g % "
                        + SELLERS + " + 1, 'Product ' || g, 'Category ' || g % 20, (g % 97 + 1) * 1.25, " + at + ", " + at
                        + " from generate_series(1, " + PRODUCTS + ") g",
                "insert into customers (id, first_name, last_name, email, city, created_at, updated_at) select g, 'First' "
                        + "|| g, 'Last' || g, 'c' || g || '@mail.example', 'Town', " + at + ", " + at
                        + " from generate_series(1, " + CUSTOMERS + ") g",
                "insert into promotions (id, name, discount_type, discount_value, start_date, end_date, created_at, "
                        + "updated_at) select g, 'Promo ' || g, 'PERCENTAGE', 5 * g, date '" + day.minusDays(30)
                        + "', date '" + day.plusDays(60) + "', " + at + ", " + at + " from generate_series(1, 10) g");
    }

    /** {@code lines} order lines on {@code day}, ids from {@code firstLine} (orders numbered alongside). */
    static void orders(LocalPostgres postgres, String database, LocalDate day, long lines, long firstLine)
            throws SQLException {
        long began = System.nanoTime();
        long orders = lines * 2 / 5;
        long firstOrder = (firstLine - 1) * 2 / 5 + 1;
        String placed = "timestamptz '" + day + " 00:00+00' + ((o - " + firstOrder + ") * 86399 / " + orders
                + ") * interval '1 second'";
        execute(postgres, database,
                "insert into orders (id, customer_id, payment_id, promotion_id, status, total_amount, created_at, updated_at) "
                        + "select o, o % " + CUSTOMERS + " + 1, o % 6 + 1, case when o % 7 = 0 then o % 10 + 1 end, "
                        + "'PLACED', 0, " + placed + ", " + placed + " from generate_series(" + firstOrder + "::bigint, "
                        + (firstOrder + orders - 1) + ") o",
                "insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) "
                        + "select l, o, p, 1 + l % 4, (p % 97 + 1) * 1.25, (p % 97 + 1) * 1.25, " + placed + ", " + placed
                        + " from (select l, " + firstOrder + " + (l - " + firstLine + ") * 2 / 5 as o, (l * 7919) % "
                        + PRODUCTS + " + 1 as p from generate_series(" + firstLine + "::bigint, " + (firstLine + lines - 1)
                        + ") l) as line",
                "analyze");
        System.out.printf("  generated %s: %,d orders, %,d lines in %.1f s%n", day, orders, lines,
                (System.nanoTime() - began) / 1e9);
    }

    private static void execute(LocalPostgres postgres, String database, String... statements) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }
}
