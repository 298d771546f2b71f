package org.rainbow.bench.speed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.rainbow.engines.postgres.LocalPostgres;

/**
 * A database of its own per measured reader, with the Rainbow schema (rainbow-api's migrations: the tables and the
 * publication the bridge reads), one customer, seller, product and payment method, and orders written into it:
 * each order is 3 row events, the order and its two lines.
 */
final class SourceDatabase {

    static final int EVENTS_PER_ORDER = 3;
    /** The tables the orders are written to, and so the ones every reader captures. */
    static final List<String> CAPTURED = List.of("orders", "order_details");

    private final LocalPostgres postgres;
    private final String name;

    private SourceDatabase(LocalPostgres postgres, String name) {
        this.postgres = postgres;
        this.name = name;
    }

    static SourceDatabase create(LocalPostgres postgres, String name) throws SQLException {
        postgres.createDatabase(name);
        Flyway.configure().dataSource(postgres.jdbcUrl(name), postgres.user(), postgres.password()).load().migrate();
        try (Connection connection = postgres.connect(name); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO sellers (id, name) VALUES (1, 'Bench')");
            sql.execute("INSERT INTO products (id, seller_id, name, category, price) VALUES (1, 1, 'Kettle', 'Kitchen', 19.99)");
            sql.execute("INSERT INTO customers (id, first_name, last_name, email) VALUES (1, 'B', 'Ench', 'b@example.com')");
            sql.execute("INSERT INTO payments (id, method) VALUES (1, 'CASH')");
        }
        return new SourceDatabase(postgres, name);
    }

    String name() {
        return name;
    }

    /** A logical replication slot made now: changes committed from here on wait in it for their reader. */
    void createSlot(String slot) throws SQLException {
        try (Connection connection = postgres.connect(name); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
    }

    /** Orders {@code firstId ..} written as fast as they go, in transactions of 100 orders: a backlog. */
    void insertBacklog(int firstId, int count) throws SQLException {
        insertOrders(firstId, count, Integer.MAX_VALUE);
    }

    /**
     * Orders {@code firstId ..} with two lines each; paced at {@code perSecond} orders in their own
     * transactions, or unpaced ({@code Integer.MAX_VALUE}) in transactions of 100 orders.
     */
    void insertOrders(int firstId, int count, int perSecond) throws SQLException {
        boolean paced = perSecond != Integer.MAX_VALUE;
        try (Connection connection = postgres.connect(name);
             PreparedStatement order = connection.prepareStatement("INSERT INTO orders (id, customer_id, payment_id,"
                     + " status, total_amount) VALUES (?, 1, 1, 'PLACED', ?)");
             PreparedStatement line = connection.prepareStatement("INSERT INTO order_details (id, order_id, product_id,"
                     + " quantity, regular_price, price) VALUES (?, ?, 1, 2, 19.99, ?)")) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                if (paced) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                order.setLong(1, id);
                order.setBigDecimal(2, new BigDecimal("39.98"));
                order.addBatch();
                for (int l = 0; l < 2; l++) {
                    line.setLong(1, 2 * id + l);
                    line.setLong(2, id);
                    line.setBigDecimal(3, new BigDecimal("19.99"));
                    line.addBatch();
                }
                if (paced || i % 100 == 99 || i == count - 1) {
                    order.executeBatch();
                    line.executeBatch();
                    connection.commit();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code public.orders,public.order_details}: the captured tables as Debezium's include list. */
    static String tableList() {
        return String.join(",", CAPTURED.stream().map(table -> "public." + table).toList());
    }
}
