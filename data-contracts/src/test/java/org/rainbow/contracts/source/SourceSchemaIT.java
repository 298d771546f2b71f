package org.rainbow.contracts.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.contracts.source.CatalogStatements.adding;
import static org.rainbow.contracts.source.CatalogStatements.differences;
import static org.rainbow.contracts.source.CatalogStatements.full;
import static org.rainbow.contracts.source.CatalogStatements.withColumns;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;

/**
 * rainbow-api's migrations, run on a real PostgreSQL, create the tables of the catalog: the same columns, types,
 * nullability and keys, and the change-capture publication lists each of them, each with its whole old row on a
 * delete and readable by the capture login. A source table is one whose every version the migrations keep
 * ({@code history.<table>}, V2 and V3): what the batch layer extracts.
 */
class SourceSchemaIT {

    private static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        String url = PostgresFixture.freshDatabase("contracts");
        LocalPostgres postgres = PostgresFixture.shared();
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
        connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void theMigrationsCreateTheCatalogsTables() throws SQLException {
        Set<String> migrated = statements(connection);

        assertThat(differences(full(RainbowTables.ALL), migrated, "the migrations")).isEmpty();
        assertThat(tables(connection, "select tablename from pg_publication_tables where pubname = 'rainbow_speed'"))
                .containsAll(catalogTables());
    }

    /** V4 names the tables again: capture needs a delete's whole old row and may read each table (its snapshot). */
    @Test
    void theCaptureLoginReadsEachCatalogTableWhoseDeletesCarryTheWholeRow() throws SQLException {
        assertThat(tables(connection, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and c.relreplident = 'f'
                  and has_table_privilege('rainbow_capture', c.oid, 'select')""")).containsAll(catalogTables());
    }

    @Test
    void aColumnTheMigrationsLackIsReported() throws SQLException {
        List<CapturedTable> catalog = withColumns("orders", adding(Column.optional("channel", ColumnType.TEXT)));

        assertThat(differences(full(catalog), statements(connection), "the migrations"))
                .containsExactly("in the catalog, not in the migrations: orders.channel TEXT null");
    }

    @Test
    void aColumnTheCatalogLacksIsReported() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table orders add column channel varchar(20)");
            sql.execute("alter table order_details alter column quantity type bigint");

            assertThat(differences(full(RainbowTables.ALL), statements(connection), "the migrations")).containsExactly(
                    "in the catalog, not in the migrations: order_details.quantity INTEGER not null",
                    "in the migrations, not in the catalog: order_details.quantity BIGINT not null",
                    "in the migrations, not in the catalog: orders.channel TEXT null");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The source tables as PostgreSQL's catalog describes them, in the lines of {@link CatalogStatements#full}. */
    private static Set<String> statements(Connection connection) throws SQLException {
        Set<String> lines = new TreeSet<>();
        try (Statement sql = connection.createStatement();
             ResultSet columns = sql.executeQuery("""
                     select c.table_name, c.column_name, c.data_type, c.numeric_precision, c.numeric_scale, c.is_nullable
                     from information_schema.columns c
                     join information_schema.tables h on h.table_schema = 'history' and h.table_name = c.table_name
                     where c.table_schema = 'public'""")) {
            while (columns.next()) {
                lines.add(CatalogStatements.column(columns.getString(1), columns.getString(2),
                        type(columns.getString(3), columns.getInt(4), columns.getInt(5)),
                        columns.getString(6).equals("YES")));
            }
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet key = sql.executeQuery("""
                     select k.table_name, k.column_name
                     from information_schema.table_constraints t
                     join information_schema.key_column_usage k using (constraint_schema, constraint_name)
                     join information_schema.tables h on h.table_schema = 'history' and h.table_name = t.table_name
                     where t.table_schema = 'public' and t.constraint_type = 'PRIMARY KEY'
                     order by k.table_name, k.ordinal_position""")) {
            while (key.next()) {
                keys.computeIfAbsent(key.getString(1), t -> new ArrayList<>()).add(key.getString(2));
            }
        }
        keys.forEach((table, columns) -> lines.add(CatalogStatements.key(table, columns)));
        return lines;
    }

    private static String type(String dataType, int precision, int scale) {
        return switch (dataType) {
            case "bigint" -> "BIGINT";
            case "integer" -> "INTEGER";
            case "character varying", "text" -> "TEXT";
            case "numeric" -> "DECIMAL(" + precision + "," + scale + ")";
            case "date" -> "DATE";
            case "timestamp with time zone" -> "TIMESTAMP";
            default -> dataType; // a type the catalog cannot state: always a difference
        };
    }

    private static List<String> catalogTables() {
        return RainbowTables.ALL.stream().map(CapturedTable::name).toList();
    }

    /** The table names {@code query} returns. */
    private static List<String> tables(Connection connection, String query) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet table = sql.executeQuery(query)) {
            while (table.next()) {
                tables.add(table.getString(1));
            }
        }
        return tables;
    }
}
