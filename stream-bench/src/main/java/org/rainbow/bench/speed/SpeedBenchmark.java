package org.rainbow.bench.speed;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rainbow.bridge.StreamBridgeApplication;
import org.flywaydb.core.Flyway;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.engines.kafka.LocalKafka;
import org.rainbow.engines.postgres.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark P2. On real embedded engines (PostgreSQL 17, 3 Kafka brokers, ClickHouse 26.7) it measures:
 * raw Kafka producer → consumer; the Debezium engine alone into a no-op consumer; Kafka Connect standalone with
 * Debezium's connector draining a backlog into Kafka; stream-bridge draining the same backlog into Kafka and on
 * into ClickHouse; and freshness (commit → visible in ClickHouse) under a steady 1,000 orders/s. Every order is 3
 * row events (the order and two lines). It prints PASS/FAIL per goal of P2. Options with a dot
 * ({@code --rainbow.bridge.capture.max-batch-size=8192}) go to stream-bridge as Spring properties.
 * Run: {@code ./rainbow bench-speed [--orders=30000] [--rate=1000] [--seconds=20]}.
 */
public final class SpeedBenchmark {

    private static final int EVENTS_PER_ORDER = 3;
    /** Goals P2: end to end keeps this share of what the Debezium engine alone delivers ... */
    private static final double MIN_END_TO_END_SHARE = 0.8;
    /** ... capture into Kafka at least as fast as Kafka Connect with Debezium's connector ... */
    private static final double MIN_CAPTURE_SHARE = 1.0;
    /** ... and a change visible in ClickHouse within this p99 under steady traffic. */
    private static final int MAX_FRESHNESS_P99_MILLIS = 1_000;
    private static final List<String> CAPTURED = List.of("orders", "order_details");

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalClickHouse clickHouse;
    private final Path work;
    /** {@code --spring.x=y} style options, handed to stream-bridge so a tuning idea is measured without a rebuild. */
    private final List<String> bridgeOverrides;

    private SpeedBenchmark(LocalPostgres postgres, LocalKafka kafka, LocalClickHouse clickHouse, Path work,
                           List<String> bridgeOverrides) {
        this.work = work;
        this.bridgeOverrides = bridgeOverrides;
        this.postgres = postgres;
        this.kafka = kafka;
        this.clickHouse = clickHouse;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int orders = Integer.parseInt(options.getOrDefault("orders", "30000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));

        Path work = Files.createTempDirectory("rainbow-speed-bench");
        System.out.println("Starting engines (PostgreSQL, 3 Kafka brokers, ClickHouse) under " + work + " ...");
        try (LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.PostgresSettings(0, work.resolve("pg"),
                     Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"), "rainbow", "rainbow", "rainbow", false));
             LocalKafka kafka = LocalKafka.start(new LocalKafka.KafkaSettings(List.of(49092, 49093, 49094),
                     List.of(49192, 49193, 49194), work.resolve("kafka")));
             LocalClickHouse clickHouse = LocalClickHouse.start(48123, 49900, work.resolve("clickhouse"))) {
            List<String> bridgeOverrides = options.entrySet().stream().filter(option -> option.getKey().contains("."))
                    .map(option -> "--" + option.getKey() + "=" + option.getValue()).toList();
            new SpeedBenchmark(postgres, kafka, clickHouse, work, bridgeOverrides).run(orders, rate, seconds);
        }
        FileSystemUtils.deleteRecursively(work);
    }

    private void run(int orders, int rate, int seconds) throws Exception {
        int rawMessages = orders * EVENTS_PER_ORDER;
        double[] kafkaRates = kafkaProducerToConsumer(rawMessages);
        double debezium = debeziumToNoOp(orders);
        double connect = connectToKafka(orders);
        double[] bridgeRates;
        double[] freshness;
        createSchema("bench_e2e");
        createSlot("bench_e2e", "bench_e2e");
        insertOrders("bench_e2e", 1, orders, Integer.MAX_VALUE);
        try (ConfigurableApplicationContext bridge = startBridge()) {
            bridgeRates = bridgeBacklog(orders);
            freshness = freshnessAt(rate, seconds, orders);
        }
        double endToEndShare = bridgeRates[1] / debezium;
        double captureShare = bridgeRates[0] / connect;
        System.out.printf("""

                Benchmark P2 — speed layer on %d cores (%s), a backlog of %,d orders = %,d row events
                  raw Kafka producer (acks=all, idempotent, 3 partitions, RF 2, ~600 B): %,10.0f msg/s
                  raw Kafka producer -> consumer, same %,d messages:                  %,10.0f msg/s
                  Debezium engine alone (pgoutput) -> no-op consumer:                %,10.0f row-events/s
                  Kafka Connect standalone + Debezium PostgresConnector -> Kafka:    %,10.0f row-events/s
                  stream-bridge capture -> Kafka:                                    %,10.0f row-events/s
                  stream-bridge end to end PostgreSQL -> Kafka -> ClickHouse:        %,10.0f row-events/s
                  freshness at %,d orders/s (%,d row-events/s) for %d s, commit -> visible in ClickHouse:
                      p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d orders (achieved %,.0f orders/s)

                  Goal: end to end >= %.1f x Debezium alone                        %5.2f x     %s
                  Goal: capture -> Kafka >= %.1f x Kafka Connect + Debezium           %5.2f x     %s
                  Goal: freshness p99 <= %,d ms at %,d orders/s                   %5.0f ms    %s
                %n""", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), orders,
                rawMessages, kafkaRates[0], rawMessages, kafkaRates[1], debezium, connect, bridgeRates[0],
                bridgeRates[1], rate, rate * EVENTS_PER_ORDER, seconds, freshness[0], freshness[1], freshness[2],
                (long) freshness[3], freshness[4],
                MIN_END_TO_END_SHARE, endToEndShare, verdict(endToEndShare >= MIN_END_TO_END_SHARE),
                MIN_CAPTURE_SHARE, captureShare, verdict(captureShare >= MIN_CAPTURE_SHARE),
                MAX_FRESHNESS_P99_MILLIS, rate, freshness[1], verdict(freshness[1] <= MAX_FRESHNESS_P99_MILLIS));
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "FAIL";
    }

    /** Returns {produce rate, produce-and-consume rate} in messages per second. */
    private double[] kafkaProducerToConsumer(int messages) throws Exception {
        System.out.println("Raw Kafka producer -> consumer, " + messages + " messages ...");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("bench.raw", 3, (short) 2))).all().get(60, TimeUnit.SECONDS);
        }
        String payload = "x".repeat(600);
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>("bench.raw", "{\"id\":" + i + "}", payload));
            }
            producer.flush();
        }
        double produced = messages / seconds(start);
        long consumed = 0;
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("bench.raw"));
            while (consumed < messages) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return new double[] {produced, messages / seconds(start)};
    }

    /** The Debezium engine alone: a backlog of orders written while it was stopped, drained into a counter. */
    private double debeziumToNoOp(int orders) throws Exception {
        System.out.println("Raw Debezium engine -> no-op consumer, " + orders + " orders ...");
        createSchema("bench_raw");
        AtomicLong events = new AtomicLong();
        AtomicLong firstEvent = new AtomicLong();
        try (DebeziumEngine<ChangeEvent<String, String>> engine = startCountingEngine(events, firstEvent)) {
            // The slot exists once the engine streams: probe until a change comes through.
            for (int probe = 0; events.get() == 0; probe++) {
                insertOrders("bench_raw", 1_000_000 + probe, 1, Integer.MAX_VALUE);
                Thread.sleep(500);
                if (probe > 240) {
                    throw new IllegalStateException("the Debezium engine did not stream within 2 minutes");
                }
            }
        }
        insertOrders("bench_raw", 1, orders, Integer.MAX_VALUE);
        events.set(0);
        firstEvent.set(0);
        long start = System.nanoTime();
        try (DebeziumEngine<ChangeEvent<String, String>> engine = startCountingEngine(events, firstEvent)) {
            awaitCount(events, (long) orders * EVENTS_PER_ORDER - EVENTS_PER_ORDER, Duration.ofMinutes(10));
            System.out.printf("  (engine start to first event %.1f s)%n", (firstEvent.get() - start) / 1e9);
            return events.get() / ((System.nanoTime() - firstEvent.get()) / 1e9);
        }
    }

    private DebeziumEngine<ChangeEvent<String, String>> startCountingEngine(AtomicLong events, AtomicLong firstEvent) {
        Properties p = new Properties();
        p.setProperty("name", "bench-raw");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", work.resolve("bench-raw.offsets").toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", "127.0.0.1");
        p.setProperty("database.port", String.valueOf(postgres.port()));
        p.setProperty("database.user", postgres.user());
        p.setProperty("database.password", postgres.password());
        p.setProperty("database.dbname", "bench_raw");
        p.setProperty("topic.prefix", "benchraw");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "bench_raw");
        p.setProperty("publication.name", "bench_raw");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.orders,public.order_details");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("converter.schemas.enable", "false");
        DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class).using(p)
                .notifying((records, committer) -> {
                    firstEvent.compareAndSet(0, System.nanoTime());
                    for (ChangeEvent<String, String> record : records) {
                        committer.markProcessed(record);
                    }
                    committer.markBatchFinished();
                    events.addAndGet(records.size());
                })
                .using((success, message, error) -> {
                    if (!success) {
                        System.err.println("Debezium engine failed: " + message + (error == null ? "" : " " + error));
                    }
                })
                .build();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        runner.execute(engine);
        runner.shutdown();
        return engine;
    }

    /**
     * Kafka Connect with Debezium's connector draining a backlog into Kafka: the orders are written after its slot
     * was created and before it starts. Returns row-events/s from the first record in Kafka to the last.
     */
    private double connectToKafka(int orders) throws Exception {
        System.out.println("Kafka Connect standalone + Debezium PostgresConnector -> Kafka, backlog of " + orders
                + " orders ...");
        createSchema("bench_connect");
        createSlot("bench_connect", "bench_connect");
        insertOrders("bench_connect", 1, orders, Integer.MAX_VALUE);
        try (ConnectStandaloneWorker connect = ConnectStandaloneWorker.start(kafka.bootstrapServers(),
                work.resolve("connect.offsets"))) {
            // Debezium's defaults but for what this database needs, like the bridge: pgoutput, the publication
            // the migrations create, exact decimals; topics like the bridge's (3 partitions, RF 2).
            connect.addConnector("bench-connect", Map.ofEntries(
                    Map.entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                    Map.entry("tasks.max", "1"),
                    Map.entry("database.hostname", "127.0.0.1"),
                    Map.entry("database.port", String.valueOf(postgres.port())),
                    Map.entry("database.user", postgres.user()),
                    Map.entry("database.password", postgres.password()),
                    Map.entry("database.dbname", "bench_connect"),
                    Map.entry("topic.prefix", "connect"),
                    Map.entry("plugin.name", "pgoutput"),
                    Map.entry("slot.name", "bench_connect"),
                    Map.entry("publication.name", "rainbow_speed"),
                    Map.entry("publication.autocreate.mode", "disabled"),
                    Map.entry("table.include.list", tableList()),
                    Map.entry("snapshot.mode", "no_data"),
                    Map.entry("decimal.handling.mode", "string"),
                    Map.entry("topic.creation.default.partitions", "3"),
                    Map.entry("topic.creation.default.replication.factor", "2")));
            long[] span = awaitTopics("connect", (long) orders * EVENTS_PER_ORDER, Duration.ofMinutes(10));
            return (double) orders * EVENTS_PER_ORDER / ((span[1] - span[0]) / 1e9);
        }
    }

    /**
     * The bridge draining the same backlog: returns {capture -> Kafka, end to end into ClickHouse}, each in
     * row-events/s from the first record in Kafka.
     */
    private double[] bridgeBacklog(int orders) throws Exception {
        System.out.println("stream-bridge, backlog of " + orders + " orders ...");
        long events = (long) orders * EVENTS_PER_ORDER;
        long[] span = awaitTopics("bench", events, Duration.ofMinutes(10));
        awaitClickHouseOrders(orders, Duration.ofMinutes(15));
        long end = System.nanoTime();
        return new double[] {events / ((span[1] - span[0]) / 1e9), events / ((end - span[0]) / 1e9)};
    }

    /** Waits until the captured tables' topics under {@code prefix} hold {@code expected} records: {first, last}. */
    private long[] awaitTopics(String prefix, long expected, Duration timeout) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String table : CAPTURED) {
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(prefix + ".public." + table, partition), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = 0;
        long records = 0;
        try (Admin admin = kafka.admin()) {
            while (System.nanoTime() < deadline) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (latest.keySet().stream().allMatch(partition -> topics.contains(partition.topic()))) {
                    records = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                            .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
                }
                long now = System.nanoTime();
                if (records > 0 && first == 0) {
                    first = now;
                }
                if (records >= expected) {
                    return new long[] {first, now};
                }
                // Asking more often would take CPU from what is measured, on two cores.
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the topics " + prefix + ".public.* held " + records + " of " + expected
                + " records after " + timeout);
    }

    private static String tableList() {
        return String.join(",", CAPTURED.stream().map(table -> "public." + table).toList());
    }

    /** A logical replication slot made now: changes committed from here on wait in it for their reader. */
    private void createSlot(String database, String slot) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
    }

    /** Steady traffic, one transaction per order; returns {p50, p99, max, orders, achieved rate}. */
    private double[] freshnessAt(int rate, int seconds, int firstId) throws Exception {
        System.out.println("Freshness at " + rate + " orders/s for " + seconds + " s ...");
        // Like the API: one transaction per order, from several connections, so commit latency does not cap the rate.
        int connections = 4;
        int share = rate * seconds / connections;
        int count = share * connections;
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = firstId + 1 + c * share;
            done.add(clients.submit(() -> {
                insertOrders("bench_e2e", first, share, rate / connections);
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();
        double achieved = count / seconds(start);
        awaitClickHouseOrders(firstId + count, Duration.ofMinutes(5));
        String[] q = clickHouse.query("SELECT quantileExact(0.5)(ms), quantileExact(0.99)(ms), max(ms), count() FROM ("
                + "SELECT dateDiff('millisecond', _committed_at, _written_at) AS ms FROM bench.orders WHERE id > "
                + firstId + ") FORMAT TSV").split("\t");
        return new double[] {Double.parseDouble(q[0]), Double.parseDouble(q[1]), Double.parseDouble(q[2]),
                Double.parseDouble(q[3]), achieved};
    }

    private ConfigurableApplicationContext startBridge() {
        System.out.println("Starting stream-bridge (capture + ClickHouse sink) ...");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--rainbow.bridge.topics.prefix=bench",
                "--rainbow.bridge.capture.port=" + postgres.port(),
                "--rainbow.bridge.capture.database=bench_e2e",
                "--rainbow.bridge.capture.slot-name=bench_e2e",
                // The backlog waits in the slot made before it was written; no snapshot of the tables.
                "--rainbow.bridge.capture.snapshot-mode=no_data",
                "--rainbow.bridge.capture.user=" + postgres.user(),
                "--rainbow.bridge.capture.password=" + postgres.password(),
                "--rainbow.bridge.capture.offset-topic=bench.offsets",
                "--rainbow.bridge.sink.engine=clickhouse",
                "--rainbow.bridge.sink.clickhouse.url=http://127.0.0.1:" + clickHouse.httpPort(),
                "--rainbow.bridge.sink.clickhouse.database=bench",
                "--spring.kafka.consumer.group-id=bench-clickhouse"));
        args.addAll(bridgeOverrides);
        return new SpringApplicationBuilder(StreamBridgeApplication.class).run(args.toArray(String[]::new));
    }

    private void awaitClickHouseOrders(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long orders = Long.parseLong(clickHouse.query("SELECT count() FROM bench.orders FINAL"));
                long lines = Long.parseLong(clickHouse.query("SELECT count() FROM bench.order_details FINAL"));
                if (orders >= expected && lines >= 2 * expected) {
                    return;
                }
            } catch (RuntimeException tablesNotYetCreated) {
                // the sink creates them at start-up
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ClickHouse did not reach " + expected + " orders within " + timeout);
    }

    private static void awaitCount(AtomicLong counter, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counter.get() + " of " + expected + " events within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Orders {@code firstId ..} with two lines each; paced at {@code perSecond} orders in their own
     * transactions, or unpaced ({@code Integer.MAX_VALUE}) in transactions of 100 orders.
     */
    private void insertOrders(String database, int firstId, int count, int perSecond) throws SQLException {
        boolean paced = perSecond != Integer.MAX_VALUE;
        try (Connection connection = postgres.connect(database);
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

    private void createSchema(String database) throws Exception {
        postgres.createDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password()).load().migrate();
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO sellers (id, name) VALUES (1, 'Bench')");
            sql.execute("INSERT INTO products (id, seller_id, name, category, price) VALUES (1, 1, 'Kettle', 'Kitchen', 19.99)");
            sql.execute("INSERT INTO customers (id, first_name, last_name, email) VALUES (1, 'B', 'Ench', 'b@example.com')");
            sql.execute("INSERT INTO payments (id, method) VALUES (1, 'CASH')");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
