package org.rainbow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.engines.postgres.ServiceRole;

/**
 * Each service's login can do what its service needs and nothing more (migration V4), tried by logging in as
 * that login on a real server with password authentication.
 */
class ServiceRolesIT {

    private static final String DATABASE = "rainbow_roles_it";
    private static String url;

    @BeforeAll
    static void migrate() throws SQLException {
        url = PostgresFixture.freshDatabase(DATABASE);
        LocalPostgres postgres = PostgresFixture.shared();
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
        try (Connection admin = postgres.connect(DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("insert into payments (id, method) values (1, 'CASH')");
            sql.execute("insert into customers (id, first_name, last_name, email) values (1, 'a', 'b', 'a@x.example')");
        }
    }

    @Test
    void theApiWritesItsTablesAndTheTriggerKeepsTheHistoryButItCannotChangeTheSchema() throws SQLException {
        try (Connection api = login(ServiceRole.API); Statement sql = api.createStatement()) {
            sql.execute("insert into orders (id, customer_id, payment_id, total_amount) "
                    + "values (nextval('orders_seq'), 1, 1, 5.00)");
            sql.execute("update customers set city = 'Oslo' where id = 1");

            assertDenied(sql, "select count(*) from history.orders");
            assertDenied(sql, "insert into history.orders select * from history.orders");
            assertDenied(sql, "create table sneaky (id int)");
            assertDenied(sql, "drop table order_details");
            assertDenied(sql, "alter table orders add column sneaky int");
            assertDenied(sql, "select pg_create_logical_replication_slot('sneaky', 'pgoutput')");
        }
        try (Connection pipeline = login(ServiceRole.PIPELINE); Statement sql = pipeline.createStatement()) {
            assertThat(count(sql, "select count(*) from history.orders")).isEqualTo(1);
            assertThat(count(sql, "select count(*) from history.customers where city = 'Oslo'")).isEqualTo(1);
        }
    }

    @Test
    void thePipelineReadsTheHistoryAndNothingElse() throws SQLException {
        try (Connection pipeline = login(ServiceRole.PIPELINE); Statement sql = pipeline.createStatement()) {
            assertThat(count(sql, "select count(*) from history.payments")).isEqualTo(1);
            assertThat(count(sql, "select count(*) from pg_stat_activity where backend_type = 'client backend' "
                    + "and xact_start is not null and usename <> current_user")).isGreaterThanOrEqualTo(0);

            assertDenied(sql, "select count(*) from orders");
            assertDenied(sql, "select count(*) from customers");
            assertDenied(sql, "delete from history.payments");
            assertDenied(sql, "insert into payments (id, method) values (2, 'X')");
            assertDenied(sql, "create table history.sneaky (id int)");
        }
    }

    @Test
    void captureReadsThePublishedTablesThroughAnAdminOwnedPublicationAndWritesOnlyItsHeartbeat() throws SQLException {
        try (Connection capture = login(ServiceRole.CAPTURE); Statement sql = capture.createStatement()) {
            assertThat(count(sql, "select count(*) from payments")).isEqualTo(1);
            sql.execute("insert into rainbow_cdc_heartbeat (id, beat_at) values (1, now()) "
                    + "on conflict (id) do update set beat_at = excluded.beat_at");
            assertThat(count(sql, "select count(*) from pg_publication_tables where pubname = 'rainbow_speed'"))
                    .isEqualTo(8);
            try (ResultSet owner = sql.executeQuery("select pg_get_userbyid(pubowner) from pg_publication "
                    + "where pubname = 'rainbow_speed'")) {
                owner.next();
                assertThat(owner.getString(1)).isEqualTo(PostgresFixture.shared().user());
            }

            assertDenied(sql, "insert into payments (id, method) values (3, 'X')");
            assertDenied(sql, "delete from orders");
            assertDenied(sql, "select count(*) from history.orders");
            assertDenied(sql, "alter publication rainbow_speed add table history.orders");
            assertDenied(sql, "alter table orders replica identity default");
        }
        try (Connection capture = login(ServiceRole.CAPTURE); Statement sql = capture.createStatement()) {
            sql.execute("select pg_create_logical_replication_slot('roles_it', 'pgoutput')");
            sql.execute("select pg_drop_replication_slot('roles_it')");
        }
    }

    @Test
    void noServiceLoginIsASuperuser() throws SQLException {
        try (Connection admin = PostgresFixture.shared().connect(DATABASE); Statement sql = admin.createStatement()) {
            for (ServiceRole role : ServiceRole.values()) {
                try (ResultSet row = sql.executeQuery("select rolsuper, rolcreaterole, rolcreatedb, rolreplication "
                        + "from pg_roles where rolname = '" + role.roleName() + "'")) {
                    assertThat(row.next()).as(role.roleName()).isTrue();
                    assertThat(row.getBoolean(1) || row.getBoolean(2) || row.getBoolean(3)).as(role.roleName()).isFalse();
                    assertThat(row.getBoolean(4)).as(role.roleName()).isEqualTo(role.replication());
                }
            }
        }
    }

    private static Connection login(ServiceRole role) throws SQLException {
        return DriverManager.getConnection(url, role.roleName(), PostgresFixture.password(role));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertDenied(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(statement + ": " + e.getMessage())
                        .isIn("42501", "42P01"));
    }
}
