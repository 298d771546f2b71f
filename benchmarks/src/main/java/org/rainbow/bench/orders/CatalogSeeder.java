package org.rainbow.bench.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the master data orders refer to straight into the API's schema, which is quicker than the REST
 * endpoints and does not warm the API up before it is measured.
 */
final class CatalogSeeder {

    static final int CUSTOMERS = 1_000;
    static final int SELLERS = 20;
    static final int PRODUCTS_PER_SELLER = 10;
    private static final List<String> PAYMENT_METHODS = List.of("CREDIT_CARD", "DEBIT_CARD", "CASH",
            "BANK_TRANSFER", "PAYPAL", "GIFT_CARD");
    private static final List<String> CITIES = List.of("Berlin", "Lisbon", "Paris", "Madrid", "Warsaw", "Vienna");
    private static final List<String> CATEGORIES = List.of("Electronics", "Books", "Home & Kitchen", "Toys",
            "Sports", "Grocery");

    private CatalogSeeder() {
    }

    static Catalog seed(Connection connection) throws SQLException {
        Random random = new Random(42);
        connection.setAutoCommit(false);
        try (PreparedStatement payment = connection.prepareStatement("insert into payments (method) values (?)")) {
            for (String method : PAYMENT_METHODS) {
                payment.setString(1, method);
                payment.addBatch();
            }
            payment.executeBatch();
        }
        try (PreparedStatement seller = connection.prepareStatement("insert into sellers (name, city) values (?, ?)")) {
            for (int i = 1; i <= SELLERS; i++) {
                seller.setString(1, "Seller " + i);
                seller.setString(2, CITIES.get(random.nextInt(CITIES.size())));
                seller.addBatch();
            }
            seller.executeBatch();
        }
        try (PreparedStatement product = connection.prepareStatement(
                "insert into products (seller_id, name, category, price) values (?, ?, ?, ?)")) {
            List<Long> sellerIds = ids(connection, "select id from sellers order by id");
            for (long sellerId : sellerIds) {
                for (int i = 1; i <= PRODUCTS_PER_SELLER; i++) {
                    product.setLong(1, sellerId);
                    product.setString(2, "Product " + sellerId + "-" + i);
                    product.setString(3, CATEGORIES.get(random.nextInt(CATEGORIES.size())));
                    product.setBigDecimal(4, BigDecimal.valueOf(100 + random.nextInt(19_900), 2));
                    product.addBatch();
                }
            }
            product.executeBatch();
        }
        try (PreparedStatement customer = connection.prepareStatement(
                "insert into customers (first_name, last_name, email, phone, city) values (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= CUSTOMERS; i++) {
                customer.setString(1, "First" + i);
                customer.setString(2, "Last" + i);
                customer.setString(3, "customer" + i + "@bench.rainbow.test");
                customer.setString(4, "+49 30 " + (1_000_000 + i));
                customer.setString(5, CITIES.get(random.nextInt(CITIES.size())));
                customer.addBatch();
            }
            customer.executeBatch();
        }
        connection.commit();

        List<Catalog.Product> products = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select id, price from products order by id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                products.add(new Catalog.Product(rows.getLong(1), rows.getBigDecimal(2)));
            }
        }
        Catalog catalog = new Catalog(ids(connection, "select id from customers order by id"),
                ids(connection, "select id from payments order by id"), products);
        connection.commit();
        return catalog;
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
