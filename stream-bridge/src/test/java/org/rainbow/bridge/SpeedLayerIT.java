package org.rainbow.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.bridge.capture.CaptureHealthIndicator;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.engines.clickhouse.ClickHouseFixture;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.engines.kafka.KafkaFixture;
import org.rainbow.engines.kafka.LocalKafka;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.engines.postgres.ServiceRole;
import org.rainbow.speed.sink.DeadLetterPublisher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The speed layer end to end against real engines: PostgreSQL → Debezium → a 3-broker Kafka cluster →
 * DuckDB (in the same bridge as capture) and ClickHouse (a second, sink-only bridge with its own group).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeedLayerIT {

    private static final String DATABASE = "speed_it";
    private static final String PREFIX = "speedit";
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @TempDir
    static Path state;

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalClickHouse clickHouse;
    private static ConfigurableApplicationContext captureAndDuckDb;
    private static ConfigurableApplicationContext clickHouseSink;

    @BeforeAll
    static void startEnginesAndBridges() {
        postgres = PostgresFixture.shared();
        kafka = KafkaFixture.shared();
        clickHouse = ClickHouseFixture.shared();
        RainbowSchema.create(DATABASE);
        ClickHouseFixture.freshDatabase(DATABASE);
        captureAndDuckDb = startCaptureAndDuckDb();
        clickHouseSink = start(
                "--rainbow.bridge.capture.enabled=false",
                "--rainbow.serving.engine=clickhouse",
                "--rainbow.serving.clickhouse.url=http://127.0.0.1:" + clickHouse.httpPort(),
                "--rainbow.serving.clickhouse.speed-database=" + DATABASE,
                "--spring.kafka.consumer.group-id=" + PREFIX + "-clickhouse");
    }

    @AfterAll
    static void stopBridges() {
        if (clickHouseSink != null) {
            clickHouseSink.close();
        }
        if (captureAndDuckDb != null) {
            captureAndDuckDb.close();
        }
    }

    @Test
    @Order(1)
    void everyTopicHasThreePartitionsOnTwoReplicas() throws Exception {
        List<String> topics = new ArrayList<>(RainbowTables.ALL.stream().map(t -> t.topic(PREFIX)).toList());
        topics.add(PREFIX + ".dlq");
        try (Admin admin = kafka.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described).hasSize(8);
            assertThat(described.values()).allSatisfy(topic -> {
                assertThat(topic.partitions()).hasSize(3);
                assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(2));
            });
        }
    }

    @Test
    @Order(2)
    void insertsUpdatesAndDeletesOfEveryTableArriveWithExactValues() throws Exception {
        try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into sellers (id, name, city) values (1, 'Nordic Goods', 'Oslo'), (2, 'Sun & Sand', null);
                    insert into products (id, seller_id, name, category, price) values
                        (1, 1, 'Kettle', 'Kitchen', 19.99), (2, 1, 'Mug', 'Kitchen', 0.10), (3, 2, 'Chair', 'Home', 99999999.99);
                    insert into customers (id, first_name, last_name, email, phone, city) values
                        (1, 'Ada', 'Lovelace', 'ada@example.com', '+44 1', 'London'),
                        (2, 'Alan', 'Turing', 'alan@example.com', null, null),
                        (3, 'Grace', 'Hopper', 'grace@example.com', '+1 2', 'Arlington');
                    insert into payments (id, method) values (1, 'CASH'), (2, 'CREDIT_CARD');
                    insert into promotions (id, name, discount_type, discount_value, start_date, end_date, usage_limit) values
                        (1, 'Ten off', 'PERCENTAGE', 10.00, '2026-01-01', '2026-12-31', 100),
                        (2, 'Two euro', 'FIXED', 2.00, '2026-06-01', '2026-06-30', null);
                    insert into orders (id, customer_id, payment_id, promotion_id, status, total_amount, created_at) values
                        (1, 1, 1, null, 'PLACED', 40.18, '2026-03-01 10:00:00.123456+00'),
                        (2, 2, 2, 1, 'PAID', 1234567890.12, '2026-03-02 23:59:59.999999+00'),
                        (3, 1, 2, 2, 'PLACED', 17.99, '2026-03-03 00:00:00+00');
                    insert into order_details (id, order_id, product_id, quantity, regular_price, price) values
                        (1, 1, 1, 2, 19.99, 19.99), (2, 1, 2, 2, 0.10, 0.10),
                        (3, 2, 3, 1, 99999999.99, 89999999.99), (4, 3, 1, 1, 19.99, 17.99), (5, 3, 2, 7, 0.10, 0.10);
                    """);
            sql.execute("""
                    update products set price = 21.49 where id = 1;
                    update customers set email = 'ada@lovelace.org', city = null where id = 1;
                    update orders set status = 'SHIPPED' where id = 2;
                    update promotions set usage_count = usage_count + 1 where id = 1;
                    update sellers set city = 'Cadiz' where id = 2;
                    update payments set method = 'DEBIT_CARD' where id = 2;
                    update order_details set quantity = 3 where id = 4;
                    delete from order_details where id = 5;
                    delete from order_details where order_id = 1;
                    delete from orders where id = 1;
                    delete from customers where id = 3;
                    """);
        }
        awaitAllTablesEqual();
    }

    @Test
    @Order(3)
    void restartOfTheBridgeMidStreamLosesNothingAndDoublesNothing() throws Exception {
        int orders = 600;
        AtomicInteger placed = new AtomicInteger();
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> placeOrders(orders, placed));
        while (placed.get() < orders / 4 && !traffic.isDone()) {
            Thread.sleep(20);
        }
        captureAndDuckDb.close();
        captureAndDuckDb = startCaptureAndDuckDb();
        traffic.get(2, TimeUnit.MINUTES);
        awaitAllTablesEqual();
        try (Connection duckDb = duckDb(); Statement sql = duckDb.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from speed.orders where id >= 1000")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(orders);
        }
        assertThat(clickHouse.query("select count(), sum(total_amount) from " + DATABASE + ".orders FINAL where id >= 1000"))
                .isEqualTo(orders + "\t" + clickHouse.query("select toDecimal128(" + expectedTotal(orders) + ", 2)"));
    }

    @Test
    @Order(4)
    void poisonMessageGoesToTheDeadLetterTopicAndLaterChangesStillArrive() throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PREFIX + ".public.orders", "{\"id\":-1}", "{not json")).get(30, TimeUnit.SECONDS);
        }
        try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("insert into orders (id, customer_id, payment_id, status, total_amount) values (50000, 2, 1, 'PLACED', 0.01)");
        }
        awaitAllTablesEqual();

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, PREFIX + "-dlq-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PREFIX + ".dlq"));
            List<ConsumerRecord<String, String>> letters = new ArrayList<>();
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            while (letters.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
            }
            // Both sinks (DuckDB and ClickHouse groups) park it, each once.
            assertThat(letters).hasSize(2).allSatisfy(letter -> {
                assertThat(letter.value()).isEqualTo("{not json");
                assertThat(header(letter, DeadLetterPublisher.REASON)).startsWith("not JSON");
                assertThat(header(letter, DeadLetterPublisher.TOPIC)).isEqualTo(PREFIX + ".public.orders");
            });
        }
    }

    @Test
    @Order(5)
    void idleDatabaseKeepsTheReplicationSlotMoving() throws Exception {
        String first = confirmedFlushLsn();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String now = first;
        while (now.equals(first) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = confirmedFlushLsn();
        }
        assertThat(lsn(now)).isGreaterThan(lsn(first));
        assertThat(captureAndDuckDb.getBean(CaptureHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    }

    private static ConfigurableApplicationContext startCaptureAndDuckDb() {
        return start(
                "--rainbow.bridge.capture.port=" + postgres.port(),
                "--rainbow.bridge.capture.database=" + DATABASE,
                "--rainbow.bridge.capture.slot-name=" + PREFIX,
                "--rainbow.bridge.capture.user=" + ServiceRole.CAPTURE.roleName(),
                "--rainbow.bridge.capture.password=" + PostgresFixture.password(ServiceRole.CAPTURE),
                "--rainbow.bridge.capture.heartbeat-interval=1s",
                "--rainbow.bridge.capture.offset-topic=" + PREFIX + ".offsets",
                "--rainbow.bridge.capture.offset-flush-interval=500ms",
                "--rainbow.serving.duckdb.path=" + state.resolve("serving.duckdb"),
                "--spring.kafka.consumer.group-id=" + PREFIX + "-duckdb");
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--rainbow.bridge.topics.prefix=" + PREFIX));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(StreamBridgeApplication.class).run(all.toArray(String[]::new));
    }

    /** Orders 1000.. with two lines each, committed ten orders per transaction. */
    private static void placeOrders(int count, AtomicInteger placed) {
        try (Connection connection = postgres.connect(DATABASE);
             PreparedStatement order = connection.prepareStatement(
                     "insert into orders (id, customer_id, payment_id, status, total_amount) values (?, 2, 1, 'PLACED', ?)");
             PreparedStatement line = connection.prepareStatement(
                     "insert into order_details (id, order_id, product_id, quantity, regular_price, price) values (?, ?, 2, ?, 0.10, 0.10)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                long id = 1000 + i;
                order.setLong(1, id);
                order.setBigDecimal(2, new java.math.BigDecimal(orderTotal(i)));
                order.addBatch();
                for (int l = 0; l < 2; l++) {
                    line.setLong(1, 10_000 + 2L * i + l);
                    line.setLong(2, id);
                    line.setInt(3, i % 9 + 1);
                    line.addBatch();
                }
                if (i % 10 == 9) {
                    order.executeBatch();
                    line.executeBatch();
                    connection.commit();
                    placed.set(i + 1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orderTotal(int i) {
        return (i % 97) + "." + String.format("%02d", i % 100);
    }

    private static String expectedTotal(int orders) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < orders; i++) {
            total = total.add(new java.math.BigDecimal(orderTotal(i)));
        }
        return "'" + total.toPlainString() + "'";
    }

    private static void awaitAllTablesEqual() throws Exception {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                assertAllTablesEqual();
                return;
            } catch (AssertionError notYet) {
                last = notYet;
                Thread.sleep(300);
            }
        }
        throw last;
    }

    private static void assertAllTablesEqual() throws SQLException {
        try (Connection source = postgres.connect(DATABASE); Connection duckDb = duckDb()) {
            for (CapturedTable table : RainbowTables.ALL) {
                List<String> expected = TableSnapshot.postgres(source, table);
                assertThat(TableSnapshot.duckDb(duckDb, table)).as("DuckDB speed.%s", table.name()).isEqualTo(expected);
                assertThat(TableSnapshot.clickHouse(clickHouse, DATABASE, table)).as("ClickHouse %s", table.name())
                        .isEqualTo(expected);
                if (table.versioned()) {
                    List<String> versions = TableSnapshot.postgresVersions(source, table);
                    assertThat(TableSnapshot.duckDbVersions(duckDb, table)).as("DuckDB speed.%s", table.versionsTable())
                            .isEqualTo(versions);
                    assertThat(TableSnapshot.clickHouseVersions(clickHouse, DATABASE, table))
                            .as("ClickHouse %s", table.versionsTable()).isEqualTo(versions);
                }
            }
        }
    }

    /** The bridge holds the DuckDB file; a second connection in this JVM reads it through the same database instance. */
    private static Connection duckDb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + state.resolve("serving.duckdb"));
    }

    private String confirmedFlushLsn() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select confirmed_flush_lsn from pg_replication_slots where slot_name = '" + PREFIX + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
