package org.rainbow.bench.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * The ceiling: the rows the API writes for an order (one orders row, one order_details row per line, same
 * column values), with plain JDBC in one transaction per order and nothing else: no reads, no HTTP, no ORM.
 */
final class JdbcOrderPlacer implements OrderPlacer {

    private static final String INSERT_ORDER = """
            insert into orders (customer_id, payment_id, status, total_amount, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?) returning id""";
    private static final String INSERT_LINE = """
            insert into order_details (order_id, product_id, quantity, regular_price, price, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final Connection connection;
    private final PreparedStatement insertOrder;
    private final PreparedStatement insertLine;

    private JdbcOrderPlacer(Connection connection) throws SQLException {
        this.connection = connection;
        this.insertOrder = connection.prepareStatement(INSERT_ORDER);
        this.insertLine = connection.prepareStatement(INSERT_LINE);
    }

    static JdbcOrderPlacer connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Same driver setting as rainbow-api's pool: the lines of an order go as one multi-row insert.
        properties.setProperty("reWriteBatchedInserts", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(false);
        return new JdbcOrderPlacer(connection);
    }

    @Override
    public void place(OrderDraft order) throws SQLException {
        // Like the API's clock: UTC, microseconds (what timestamptz keeps).
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            insertOrder.setLong(1, order.customerId());
            insertOrder.setLong(2, order.paymentId());
            insertOrder.setString(3, "PLACED");
            insertOrder.setBigDecimal(4, order.total());
            insertOrder.setObject(5, at);
            insertOrder.setObject(6, at);
            long orderId;
            try (ResultSet key = insertOrder.executeQuery()) {
                key.next();
                orderId = key.getLong(1);
            }
            for (OrderDraft.Line line : order.lines()) {
                insertLine.setLong(1, orderId);
                insertLine.setLong(2, line.productId());
                insertLine.setInt(3, line.quantity());
                insertLine.setBigDecimal(4, line.price());
                insertLine.setBigDecimal(5, line.price());
                insertLine.setObject(6, at);
                insertLine.setObject(7, at);
                insertLine.addBatch();
            }
            insertLine.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
