package org.rainbow.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.gcs.GcsObjectStorage;
import org.rainbow.storage.local.LocalObjectStorage;

/** Extracts from a real PostgreSQL (the API's own migrations) and reads the Parquet back with real DuckDB. */
class ExtractIT {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 2);
    /** The client library's own in-memory GCS: no GCS can run offline. One instance for the whole class. */
    private static final Storage GCS = LocalStorageHelper.getOptions().getService();

    private static PGSimpleDataSource source;

    @TempDir
    Path work;

    @BeforeAll
    static void sourceWithTwoDaysOfChanges() throws SQLException {
        String url = PostgresFixture.freshDatabase("rainbow_extract_it");
        LocalPostgres postgres = PostgresFixture.shared();
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
        source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(postgres.user());
        source.setPassword(postgres.password());
        try (Connection c = source.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("insert into payments (id, method, created_at, updated_at) values (1, 'CASH', '2026-02-28 12:00+00', '2026-02-28 12:00+00')");
            sql.execute("insert into sellers (id, name, created_at, updated_at) values (1, 'Shop', '2026-02-28 12:00+00', '2026-02-28 12:00+00')");
            sql.execute("insert into products (id, seller_id, name, category, price, created_at, updated_at) "
                    + "values (1, 1, 'Lamp', 'Home', 19.99, '2026-03-01 08:00+00', '2026-03-01 08:00+00')");
            sql.execute("insert into customers (id, first_name, last_name, email, created_at, updated_at) "
                    + "values (1, 'Ada', 'L', 'a1@x.example', '2026-03-01 09:00+00', '2026-03-01 09:00+00')");
            sql.execute("update customers set email = 'a2@x.example', updated_at = '2026-03-01 13:00+00' where id = 1");
            sql.execute("update customers set email = 'a3@x.example', updated_at = '2026-03-01 23:59:59.999999+00' where id = 1");
            sql.execute("update customers set email = 'a4@x.example', updated_at = '2026-03-02 00:00+00' where id = 1");
            sql.execute("insert into customers (id, first_name, last_name, email, phone, city, created_at, updated_at) "
                    + "values (2, 'Jean \"JJ\", le', E'Grand\nNord', 'jj@x.example', '', null, "
                    + "'2026-03-02 10:00+00', '2026-03-02 10:00+00')");
            sql.execute("insert into orders (id, customer_id, payment_id, total_amount, created_at, updated_at) "
                    + "values (1, 1, 1, 39.98, '2026-03-01 10:00+00', '2026-03-01 10:00+00')");
            sql.execute("insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, updated_at) "
                    + "values (1, 1, 1, 2, 19.99, 19.99, '2026-03-01 10:00+00', '2026-03-01 10:00+00')");
        }
    }

    @Test
    void aDaysPartitionHoldsEveryVersionOfThatDayAndNothingElse() throws Exception {
        ObjectStorage storage = new LocalObjectStorage(work.resolve("bucket"));
        TableExtractor extractor = new TableExtractor(source, storage, work.resolve("tmp"));

        ExtractedPartition customers = extractor.extract("customers", DAY_1);

        assertThat(customers.key()).isEqualTo("raw/customers/dt=2026-03-01/part-00000.parquet");
        assertThat(customers.rows()).isEqualTo(3);
        assertThat(customers.bytes()).isEqualTo(Files.size(Path.of(storage.uri(customers.key()))));
        assertThat(duckDb("select change_op || ' ' || email || ' ' || strftime(changed_at, '%H:%M') from read_parquet('"
                + storage.uri(customers.key()) + "') order by change_seq"))
                .containsExactly("I a1@x.example 09:00", "U a2@x.example 13:00", "U a3@x.example 23:59");
        assertThat(duckDb("select email from read_parquet('" + storage.uri(extractor.extract("customers", DAY_2).key())
                + "') order by change_seq")).containsExactly("a4@x.example", "jj@x.example");
    }

    @Test
    void moneyStaysExactAndTypesArePlainForDuckDb() throws Exception {
        ObjectStorage storage = new LocalObjectStorage(work.resolve("bucket"));
        TableExtractor extractor = new TableExtractor(source, storage, work.resolve("tmp"));
        String lines = storage.uri(extractor.extract("order_details", DAY_1).key());
        String orders = storage.uri(extractor.extract("orders", DAY_1).key());

        assertThat(duckDb("select typeof(price) || ' ' || typeof(created_at) || ' ' || typeof(quantity) from read_parquet('"
                + lines + "')")).containsExactly("DECIMAL(10,2) TIMESTAMP INTEGER");
        assertThat(duckDb("select sum(quantity * price) from read_parquet('" + lines + "')")).containsExactly("39.98");
        assertThat(duckDb("select total_amount::varchar || ' ' || created_at::varchar || ' ' || (promotion_id is null) "
                + "from read_parquet('" + orders + "')")).containsExactly("39.98 2026-03-01 10:00:00 true");
    }

    @Test
    void textKeepsItsQuotesCommasAndLineBreaksAndAnEmptyStringIsNotNull() throws Exception {
        ObjectStorage storage = new LocalObjectStorage(work.resolve("bucket"));
        String customers = storage.uri(new TableExtractor(source, storage, work.resolve("tmp")).extract("customers", DAY_2).key());

        assertThat(duckDb("select first_name || '|' || last_name || '|' || (phone = '') || '|' || (city is null) "
                + "from read_parquet('" + customers + "') where id = 2"))
                .containsExactly("Jean \"JJ\", le|Grand\nNord|true|true");
    }

    @Test
    void rerunningADayReplacesItsPartitionAndAnEmptyDayStillGetsAFile() throws Exception {
        ObjectStorage storage = new LocalObjectStorage(work.resolve("bucket"));
        TableExtractor extractor = new TableExtractor(source, storage, work.resolve("tmp"));

        extractor.extract("products", DAY_1);
        extractor.extract("products", DAY_1);
        ExtractedPartition empty = extractor.extract("products", DAY_2);

        assertThat(storage.list("raw/products/")).containsExactly("raw/products/dt=2026-03-01/part-00000.parquet",
                "raw/products/dt=2026-03-02/part-00000.parquet");
        assertThat(duckDb("select count(*) from read_parquet('" + storage.uri("raw/products/dt=2026-03-01/part-00000.parquet") + "')"))
                .containsExactly("1");
        assertThat(empty.rows()).isZero();
        assertThat(duckDb("select count(*) from read_parquet('" + storage.uri(empty.key()) + "')")).containsExactly("0");
    }

    @Test
    void theSamePartitionLandsInGcs() throws Exception {
        ObjectStorage gcs = new GcsObjectStorage(GCS, "rainbow-raw");
        TableExtractor extractor = new TableExtractor(source, gcs, work.resolve("tmp"));

        ExtractedPartition partition = extractor.extract("customers", DAY_1);

        assertThat(gcs.uri(partition.key())).isEqualTo("gs://rainbow-raw/raw/customers/dt=2026-03-01/part-00000.parquet");
        assertThat(gcs.list("raw/customers/")).containsExactly(partition.key());
        Path copy = work.resolve("copy.parquet");
        gcs.get(partition.key(), copy);
        assertThat(duckDb("select count(distinct email) from read_parquet('" + copy + "')")).containsExactly("3");
        assertThat(gcs.deleteAll("raw/customers/")).isEqualTo(1);
        assertThat(gcs.list("raw/customers/")).isEmpty();
    }

    private static List<String> duckDb(String query) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                Object value = rows.getObject(1);
                values.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
            }
            return values;
        }
    }
}
