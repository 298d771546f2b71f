package org.rainbow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;

/** The Flyway migrations build the Rainbow schema from an empty database. */
class MigrationIT {

    private static String url;

    @BeforeAll
    static void migrateEmptyDatabase() {
        url = PostgresFixture.freshDatabase("rainbow_migration_it");
        LocalPostgres postgres = PostgresFixture.shared();
        var result = Flyway.configure().dataSource(url, postgres.user(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
    }

    @Test
    void everyContractTableExistsWithTimestamps() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            for (String table : List.of("customers", "sellers", "products", "promotions", "payments", "orders",
                    "order_details")) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("select column_name from information_schema.columns "
                        + "where table_schema = 'public' and table_name = '" + table + "'")) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
                assertThat(columns).as(table).contains("id", "created_at", "updated_at");
            }
        }
    }

    @Test
    void constraintsRejectBadRows() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("insert into payments (id, method) values (1, 'CASH')");
            sql.execute("insert into sellers (id, name) values (1, 's')");
            sql.execute("insert into products (id, seller_id, name, category, price) values (1, 1, 'p', 'c', 5.00)");
            sql.execute("insert into customers (id, first_name, last_name, email) values (1, 'a', 'b', 'a@x.example')");
            sql.execute("insert into orders (id, customer_id, payment_id, total_amount) values (1, 1, 1, 5.00)");

            assertRejected(sql, "insert into order_details (order_id, product_id, quantity, regular_price, price) "
                    + "values (1, 1, 0, 5.00, 5.00)");
            assertRejected(sql, "insert into products (seller_id, name, category, price) values (1, 'p', 'c', -0.01)");
            assertRejected(sql, "insert into customers (first_name, last_name, email) values ('c', 'd', 'a@x.example')");
            assertRejected(sql, "insert into orders (customer_id, payment_id, total_amount) values (999, 1, 1)");
            assertRejected(sql, "insert into order_details (order_id, product_id, quantity, regular_price, price) "
                    + "values (1, 999, 1, 1, 1)");
            assertRejected(sql, "insert into promotions (name, discount_type, discount_value, start_date, end_date) "
                    + "values ('x', 'PERCENTAGE', 101, '2026-01-01', '2026-01-02')");
            assertRejected(sql, "insert into promotions (name, discount_type, discount_value, start_date, end_date) "
                    + "values ('x', 'FIXED', 1, '2026-01-02', '2026-01-01')");
        }
    }

    @Test
    void updatesStampUpdatedAtUnlessTheWriterSetsIt() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("insert into sellers (id, name, created_at, updated_at) values (7, 'old', "
                    + "'2020-01-01 00:00:00+00', '2020-01-01 00:00:00+00')");
            sql.execute("update sellers set name = 'renamed' where id = 7");
            assertThat(single(sql, "select updated_at > '2025-01-01' from sellers where id = 7")).isEqualTo("t");

            sql.execute("update sellers set name = 'backdated', updated_at = '2021-06-01 00:00:00+00' where id = 7");
            assertThat(single(sql, "select updated_at = '2021-06-01 00:00:00+00' from sellers where id = 7")).isEqualTo("t");
        }
    }

    @Test
    void everyChangeIsKeptAsAVersionInHistory() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("insert into payments (id, method, created_at, updated_at) values (50, 'GIFT', "
                    + "'2026-01-01 10:00+00', '2026-01-01 10:00+00')");
            sql.execute("update payments set method = 'GIFT_CARD', updated_at = '2026-01-01 11:00+00' where id = 50");
            sql.execute("update payments set method = 'VOUCHER', updated_at = '2026-01-02 09:00+00' where id = 50");
            sql.execute("delete from payments where id = 50");

            List<String> versions = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select change_op, method, changed_at at time zone 'UTC' "
                    + "from history.payments where id = 50 order by change_seq")) {
                while (rows.next()) {
                    versions.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            assertThat(versions).hasSize(4);
            assertThat(versions.subList(0, 3)).containsExactly("I GIFT 2026-01-01 10:00:00", "U GIFT_CARD 2026-01-01 11:00:00",
                    "U VOUCHER 2026-01-02 09:00:00");
            assertThat(versions.get(3)).startsWith("D VOUCHER ");
        }
    }

    @Test
    void sequencesHandOutBlocksForBatchedInserts() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            assertThat(single(sql, "select increment_by from pg_sequences where sequencename = 'order_details_seq'"))
                    .isEqualTo("50");
            assertThat(single(sql, "select count(*) from information_schema.columns "
                    + "where table_schema = 'public' and is_identity = 'YES'")).isEqualTo("0");
        }
    }

    private static void assertRejected(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class);
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect() throws SQLException {
        LocalPostgres postgres = PostgresFixture.shared();
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }
}
