package org.rainbow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.speed.sink.clickhouse.ClickHouseSpeedTableWriter;
import org.rainbow.speed.sink.duckdb.DuckDbSpeedTableWriter;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.engines.clickhouse.ClickHouseFixture;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.pipeline.EmbeddedPipeline;
import org.rainbow.pipeline.partition.PartitionOperations;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.serving.store.clickhouse.ClickHouseServingStore;
import org.rainbow.serving.store.duckdb.DuckDbServingStore;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.storage.local.LocalObjectStorage;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.rainbow.storage.export.BatchViews;

/**
 * The Lambda boundary on both serving engines, ClickHouse (the chDB-based server) and DuckDB: a week of orders
 * in PostgreSQL with master data changing between them (a product renamed, one repriced, one moved to the other seller
 * and category, customers moving, and more of it today), speed tables as the stream would have written them, batch
 * exports from the real batch pipeline (extract → Parquet → warehouse models → export), loaded the way serving-api
 * loads them. At every step the unified daily sales and every key of every cut, as the routes' queries and as the
 * views a SQL client asks (DuckDB's macros, ClickHouse's parameterized views over HTTP), and every line of
 * {@code unified_sales_lines}, each named as the master data was when its order was placed, must equal PostgreSQL to
 * the cent: before any batch run, with the batch three days behind, after it caught up (no figure moves) and the
 * speed tables forgot what the batch holds (compaction), after an old partition was re-run, after updates, deletes,
 * late orders and a line added to an order placed before its product moved, that no batch run has seen yet (also to
 * orders the speed tables had forgotten, also while compaction runs), after an old change is delivered again, and
 * when an export would move the watermark back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaBoundaryIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate FIRST = TODAY.minusDays(SalesHistory.DAYS + 1L);
    /** Below Linux's ephemeral range, clear of the fixtures' and the other stack tests' ports. */
    private static final int SERVING_PORT = 28191;
    private static final List<Breakdown> BREAKDOWNS = Arrays.stream(Breakdown.values())
            .filter(b -> b != Breakdown.DAY).toList();

    private static JdbcTemplate source;
    private static SalesTruth truth;
    private static SpeedReplica speed;
    private static ConfigurableApplicationContext pipeline;
    private static PartitionOperations partitions;
    private static ObjectStorage storage;
    private static BatchExports exports;
    private static Path duckDbFile;
    private static ServingStoreProperties.ClickHouse clickHouseSettings;
    private static Map<String, ServingStore> stores;
    private static DuckDbSpeedTableWriter duckDbSpeed;
    private static ClickHouseSpeedTableWriter clickHouseSpeed;

    @BeforeAll
    static void engines() throws Exception {
        LocalPostgres postgres = PostgresFixture.shared();
        String sourceUrl = PostgresFixture.freshDatabase("boundary_source");
        String batchUrl = PostgresFixture.freshDatabase("boundary_batch");
        Flyway.configure().dataSource(sourceUrl, postgres.user(), postgres.password()).load().migrate();
        source = new JdbcTemplate(new DriverManagerDataSource(sourceUrl, postgres.user(), postgres.password()));
        truth = new SalesTruth(source);
        new SalesHistory(source, TODAY, 7).write();

        Path work = Files.createTempDirectory("lambda-boundary");
        storage = new LocalObjectStorage(work.resolve("storage"));
        exports = new BatchExports(storage);
        pipeline = EmbeddedPipeline.start(new EmbeddedPipeline.Settings(sourceUrl, batchUrl, postgres.user(),
                postgres.password(), work, 2));
        partitions = pipeline.getBean(PartitionOperations.class);

        LocalClickHouse clickHouse = ClickHouseFixture.shared();
        clickHouse.query("DROP DATABASE IF EXISTS boundary_serving SYNC");
        clickHouse.query("DROP DATABASE IF EXISTS boundary_speed SYNC");
        String clickHouseUrl = "http://127.0.0.1:" + clickHouse.httpPort();
        clickHouseSettings = new ServingStoreProperties.ClickHouse(clickHouseUrl, "default", "", "boundary_serving",
                "boundary_speed");
        duckDbFile = work.resolve("serving.duckdb");
        duckDbSpeed = new DuckDbSpeedTableWriter(duckDbFile);
        clickHouseSpeed = new ClickHouseSpeedTableWriter(clickHouseSettings);
        stores = Map.of("duckdb", DuckDbServingStore.open(duckDbFile),
                "clickhouse", ClickHouseServingStore.connect(clickHouseSettings));

        // The week as the stream delivered it, each change committed when it was made (master data version by version).
        speed = new SpeedReplica(source, List.of(duckDbSpeed, clickHouseSpeed));
        for (String table : List.of("payments", "sellers", "customers", "promotions", "products")) {
            speed.copyHistory(table);
        }
        for (String table : List.of("orders", "order_details")) {
            speed.copy(table, "true", SpeedReplica::asWritten);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (stores != null) {
            stores.values().forEach(ServingStore::close);
        }
        if (duckDbSpeed != null) {
            duckDbSpeed.close();
        }
        if (clickHouseSpeed != null) {
            clickHouseSpeed.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void beforeAnyBatchRunEveryDayComesFromTheSpeedTables() throws Exception {
        stores.forEach((engine, store) -> assertThat(store.currentExport()).as(engine).isEmpty());
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(2)
    void withTheBatchThreeDaysBehindOldDaysComeFromTheBatchViews() throws Exception {
        backfill(FIRST, TODAY.minusDays(4));

        serveLatestExport(SalesHistory.instant(TODAY.minusDays(3)));
        assertEveryStoreEqualsTheTruth();
        // The batch side really answers for the old days: the loaded views alone hold their truth.
        LocalDate old = TODAY.minusDays(5);
        assertThat(duckDbBatchSales(old)).isEqualByComparingTo(truth.daily(old, old).get(old).extendedSalesAmount());
    }

    @Test
    @Order(3)
    void whenTheBatchCatchesUpTheBoundaryMovesAndNoFigureChanges() throws Exception {
        Map<String, List<Object>> before = figuresOfEveryStore();

        backfill(TODAY.minusDays(3), TODAY.minusDays(1));

        serveLatestExport(SalesHistory.instant(TODAY));
        assertThat(figuresOfEveryStore()).isEqualTo(before);
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(4)
    void compactionLeavesTheSpeedTablesTodaysOrdersAndVersionsAndNoFigureChanges() throws Exception {
        Map<String, List<Object>> before = figuresOfEveryStore();
        long todays = source.queryForObject("select count(*) from orders where created_at >= ?::date", Long.class,
                TODAY.toString());
        long todaysLines = source.queryForObject("select count(*) from order_details d join orders o on o.id = d.order_id "
                + "where o.created_at >= ?::date", Long.class, TODAY.toString());

        stores.forEach((engine, store) -> {
            SpeedRows kept = store.compactSpeed();
            assertThat(kept).as(engine).isEqualTo(new SpeedRows(todays, todaysLines));
            assertThat(store.compactSpeed()).as(engine + ", run again").isEqualTo(kept);
        });

        assertThat(figuresOfEveryStore()).isEqualTo(before);
        assertEveryStoreEqualsTheTruth();
        // Of the master data's versions only today's changes stay: a product renamed, a customer moved.
        for (String versions : List.of("products_versions", "customers_versions", "sellers_versions")) {
            long today = versions.equals("sellers_versions") ? 0 : 1;
            assertThat(duckDbCount("speed." + versions)).as("DuckDB " + versions).isEqualTo(today);
            assertThat(ClickHouseFixture.shared().query("SELECT count() FROM boundary_speed." + versions))
                    .as("ClickHouse " + versions).isEqualTo(String.valueOf(today));
        }
    }

    @Test
    @Order(5)
    void reRunningAnOldPartitionServesANewExportWithTheSameNumbers() throws Exception {
        String served = stores.get("duckdb").currentExport().orElseThrow().exportId();

        assertThat(partitions.runPartition(TODAY.minusDays(5)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        serveLatestExport(SalesHistory.instant(TODAY));
        stores.forEach((engine, store) -> assertThat(store.currentExport().orElseThrow().exportId()).as(engine)
                .isGreaterThan(served));
        stores.values().forEach(ServingStore::compactSpeed);
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(6)
    void updatesDeletesAndLateOrdersNoBatchRunHasSeenAreCountedOnceOnTheirOwnDay() throws Exception {
        Instant now = Instant.now();
        // A line of an old order changes quantity (and its order total).
        long changedOrder = source.queryForObject("select min(id) from orders where (created_at at time zone 'UTC')::date = ?::date",
                Long.class, TODAY.minusDays(5).toString());
        source.update("update order_details set quantity = quantity + 3 where id = (select min(id) from order_details "
                + "where order_id = ?)", changedOrder);
        source.update("update orders set total_amount = (select sum(quantity * price) from order_details where order_id = ?) "
                + "where id = ?", changedOrder, changedOrder);
        speed.copy("order_details", "order_id = " + changedOrder, values -> now);
        speed.copy("orders", "id = " + changedOrder, values -> now);
        // An old order is cancelled: its lines, then the order, as the stream would carry the deletes.
        long cancelled = source.queryForObject("select max(id) from orders where (created_at at time zone 'UTC')::date = ?::date",
                Long.class, TODAY.minusDays(4).toString());
        List<Object[]> lines = speed.read(RainbowTables.byName("order_details").orElseThrow(), "order_id = " + cancelled);
        List<Object[]> order = speed.read(RainbowTables.byName("orders").orElseThrow(), "id = " + cancelled);
        source.update("delete from order_details where order_id = ?", cancelled);
        source.update("delete from orders where id = ?", cancelled);
        speed.deleted("order_details", lines, now);
        speed.deleted("orders", order, now);
        // A late order for an old day (an import of a shop's paper orders), and one more today.
        SalesHistory more = new SalesHistory(source, TODAY, 99);
        long late = more.order(SalesHistory.at(TODAY.minusDays(6), 20 * 3600));
        long todays = more.order(SalesHistory.at(TODAY, 30));
        speed.copy("orders", "id in (" + late + ", " + todays + ")", values -> now);
        speed.copy("order_details", "order_id in (" + late + ", " + todays + ")", values -> now);

        assertEveryStoreEqualsTheTruth();

        // A line of a forgotten old order changes, its order row does not: the order's day and payment, and its
        // other lines, come from the batch side. Compaction runs while the change is written.
        long lineOnly = source.queryForObject("select max(id) from orders where (created_at at time zone 'UTC')::date = "
                + "?::date and id in (select order_id from order_details group by order_id having count(*) > 1)",
                Long.class, TODAY.minusDays(6).toString());
        source.update("update order_details set quantity = quantity + 1 where id = (select max(id) from order_details "
                + "where order_id = ?)", lineOnly);
        CompletableFuture<Void> compaction = CompletableFuture.runAsync(
                () -> stores.values().forEach(ServingStore::compactSpeed));
        speed.copy("order_details", "id = (select max(id) from order_details where order_id = " + lineOnly + ")",
                values -> now);
        compaction.get();
        stores.values().forEach(ServingStore::compactSpeed);
        assertEveryStoreEqualsTheTruth();

        // A line added to an order placed before its product moved to another seller and category: the line is
        // named as the product was then, from the export's versions (the speed tables forgot the old ones).
        long beforeTheMove = source.queryForObject("select min(id) from orders where (created_at at time zone 'UTC')::date = "
                + "?::date", Long.class, TODAY.minusDays(5).toString());
        source.update("insert into order_details (id, order_id, product_id, quantity, regular_price, price) "
                + "values ((select max(id) + 1 from order_details), ?, 3, 2, 12.25, 12.25)", beforeTheMove);
        speed.copy("order_details", "id = (select max(id) from order_details)", values -> now);
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(7)
    void anOldChangeDeliveredAgainAfterCompactionChangesNothing() throws Exception {
        // The stream repeats what it delivered days ago (a rewound consumer): rows older than the watermark.
        long replayed = source.queryForObject("select min(id) from orders where (created_at at time zone 'UTC')::date = "
                + "?::date", Long.class, TODAY.minusDays(3).toString());
        speed.copy("orders", "id = " + replayed, SpeedReplica::asWritten);
        speed.copy("order_details", "order_id = " + replayed, SpeedReplica::asWritten);

        assertEveryStoreEqualsTheTruth();
        Map<String, SpeedRows> before = new HashMap<>();
        stores.forEach((engine, store) -> before.put(engine, store.speedRows()));
        stores.forEach((engine, store) -> assertThat(store.compactSpeed().orders()).as(engine)
                .isLessThan(before.get(engine).orders()));
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(8)
    void anExportThatWouldMoveTheWatermarkBackIsRefusedAndTheServedOneKept() throws Exception {
        BatchExport latest = exports.latest().orElseThrow();
        BatchExport behind = new BatchExport(latest.exportId() + "z", latest.watermark().minus(Duration.ofDays(2)),
                latest.exportedAt(), latest.partition(), latest.views());

        stores.forEach((engine, store) -> {
            String served = store.currentExport().orElseThrow().exportId();
            assertThatThrownBy(() -> store.load(behind, storage)).as(engine)
                    .hasMessageContaining("before the served export");
            assertThat(store.currentExport().orElseThrow().exportId()).as(engine).isEqualTo(served);
        });
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(9)
    void twoInstancesLoadingTheSameExportIntoClickHouseAtOnceLoadItOnce() throws Exception {
        assertThat(partitions.runPartition(TODAY.minusDays(2)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        BatchExport export = exports.latest().orElseThrow();
        try (ServingStore first = ClickHouseServingStore.connect(clickHouseSettings);
             ServingStore second = ClickHouseServingStore.connect(clickHouseSettings)) {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> first.load(export, storage));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> second.load(export, storage));
            CompletableFuture.allOf(a, b).get();
        }
        LocalClickHouse clickHouse = ClickHouseFixture.shared();
        for (Map.Entry<String, BatchExport.View> view : export.views().entrySet()) {
            assertThat(clickHouse.query("SELECT count() FROM boundary_serving." + view.getKey() + " WHERE export_id = '"
                    + export.exportId() + "'").trim()).as(view.getKey()).isEqualTo(String.valueOf(view.getValue().rows()));
        }
        stores.get("duckdb").load(export, storage);
        assertEveryStoreEqualsTheTruth();
        stores.values().forEach(ServingStore::compactSpeed);
        assertEveryStoreEqualsTheTruth();
    }

    @Test
    @Order(10)
    void aSqlClientAskingTheViewsOverHttpGetsTheRoutesNumbers() throws Exception {
        // serving-api on the ClickHouse store as deployed (its routes render the rule bound to literals); the client
        // POSTs SQL asking the views, which read the served export themselves.
        Process serving = startServingApi();
        try {
            String api = "http://127.0.0.1:" + SERVING_PORT + "/api/v1/sales";
            String range = "from = '" + FIRST + "', to = '" + TODAY + "'";
            assertThat(rowsOf(ClickHouseHttp.rows(ClickHouseFixture.shared(),
                    "SELECT * FROM boundary_serving.unified_sales_daily(" + range + ") ORDER BY date")))
                    .hasSize(SalesHistory.DAYS + 2)
                    .isEqualTo(rowsOf(route(api + "/daily?from=" + FIRST + "&to=" + TODAY)));
            for (Breakdown breakdown : BREAKDOWNS) {
                String keys = breakdown.keys().stream().map(Attribute::column).collect(Collectors.joining(", "));
                assertThat(rowsOf(ClickHouseHttp.rows(ClickHouseFixture.shared(), "SELECT * FROM boundary_serving."
                        + breakdown.view() + "(" + range + ") ORDER BY extended_sales_amount DESC, " + keys)))
                        .as(breakdown.view()).isNotEmpty()
                        .isEqualTo(rowsOf(route(api + "/by-" + breakdown.name().toLowerCase() + "?from=" + FIRST + "&to="
                                + TODAY + "&limit=1000")));
            }
        } finally {
            serving.destroy();
            serving.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** serving-api's executable jar in a process of its own, serving the ClickHouse store, loading no export. */
    private static Process startServingApi() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "serving-api", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("serving-api-.*-exec\\.jar")).findFirst().orElseThrow();
        }
        Process serving = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + SERVING_PORT,
                "--rainbow.serving.engine=clickhouse", "--rainbow.serving.clickhouse.url=" + clickHouseSettings.url(),
                "--rainbow.serving.clickhouse.database=" + clickHouseSettings.database(),
                "--rainbow.serving.clickhouse.speed-database=" + clickHouseSettings.speedDatabase(),
                "--rainbow.serving.exports.load-enabled=false")
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("serving-api", ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVING_PORT
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return serving;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        serving.destroyForcibly();
        throw new IllegalStateException("serving-api did not get ready within 90 s");
    }

    /** Rows as field → text, numbers written alike whatever the JSON (ClickHouse quotes 64-bit integers). */
    private static List<Map<String, String>> rowsOf(Iterable<JsonNode> rows) {
        List<Map<String, String>> texts = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, String> text = new LinkedHashMap<>();
            for (String field : row.propertyNames()) {
                JsonNode value = row.get(field);
                String raw = value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
                text.put(field, raw != null && raw.matches("-?\\d+(\\.\\d+)?")
                        ? new BigDecimal(raw).stripTrailingZeros().toPlainString() : raw);
            }
            texts.add(text);
        }
        return texts;
    }

    private static JsonNode route(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static void backfill(LocalDate from, LocalDate to) throws Exception {
        JobExecution execution = partitions.backfill(from, to);
        assertThat(execution.getStatus()).as(execution.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static void serveLatestExport(Instant expectedWatermark) {
        BatchExport export = exports.latest().orElseThrow();
        assertThat(export.watermark()).isEqualTo(expectedWatermark);
        stores.forEach((engine, store) -> {
            store.load(export, storage);
            LoadedExport served = store.currentExport().orElseThrow();
            assertThat(served.exportId()).as(engine).isEqualTo(export.exportId());
            assertThat(served.watermark()).as(engine).isEqualTo(expectedWatermark);
        });
    }

    /** Every figure a store answers for the week: daily, and per key of every breakdown. */
    private static Map<String, List<Object>> figuresOfEveryStore() {
        Map<String, List<Object>> all = new HashMap<>();
        stores.forEach((engine, store) -> {
            List<Object> figures = new ArrayList<>(List.of(withoutZeros(store.dailySales(FIRST, TODAY))));
            for (Breakdown breakdown : BREAKDOWNS) {
                figures.add(slices(store, breakdown, FIRST, TODAY));
            }
            all.put(engine, figures);
        });
        return all;
    }

    private static void assertEveryStoreEqualsTheTruth() throws Exception {
        Map<LocalDate, SalesTotals> daily = truth.daily(FIRST, TODAY);
        Map<Breakdown, Map<List<Object>, SalesTotals>> slices = new EnumMap<>(Breakdown.class);
        BREAKDOWNS.forEach(breakdown -> slices.put(breakdown, truth.by(breakdown.keys(), FIRST, TODAY)));
        LocalDate middle = TODAY.minusDays(3);
        Map<List<Object>, SalesTotals> productsLately = truth.by(Breakdown.PRODUCT.keys(), middle, TODAY);
        List<SalesLine> lines = truth.lines(FIRST, TODAY);
        assertThat(daily).hasSizeGreaterThan(SalesHistory.DAYS);
        assertThat(slices.get(Breakdown.PRODUCT).keySet()).as("a renamed product has a row per name")
                .contains(Arrays.asList(2L, "Product 2", "Home"), Arrays.asList(2L, "Product 2 Deluxe", "Home"));
        for (Map.Entry<String, ServingStore> engine : stores.entrySet()) {
            ServingStore store = engine.getValue();
            assertThat(withoutZeros(store.dailySales(FIRST, TODAY))).as(engine.getKey() + " daily").isEqualTo(daily);
            for (Breakdown breakdown : BREAKDOWNS) {
                assertThat(slices(store, breakdown, FIRST, TODAY)).as(engine.getKey() + " by " + breakdown)
                        .isEqualTo(slices.get(breakdown));
            }
            assertThat(slices(store, Breakdown.PRODUCT, middle, TODAY)).as(engine.getKey() + " by product, last days")
                    .isEqualTo(productsLately);
        }
        // The views a SQL client asks: every cut, and the lines.
        Map<List<Object>, SalesTotals> days = new LinkedHashMap<>();
        daily.forEach((day, totals) -> days.put(List.of(day), totals));
        assertThat(withoutZeros(duckDbView(Breakdown.DAY))).as("duckdb unified_sales_daily").isEqualTo(days);
        assertThat(withoutZeros(clickHouseView(Breakdown.DAY))).as("clickhouse unified_sales_daily").isEqualTo(days);
        for (Breakdown breakdown : BREAKDOWNS) {
            assertThat(duckDbView(breakdown)).as("duckdb " + breakdown.view()).isEqualTo(slices.get(breakdown));
            assertThat(clickHouseView(breakdown)).as("clickhouse " + breakdown.view()).isEqualTo(slices.get(breakdown));
        }
        assertThat(duckDbLines()).as("duckdb unified_sales_lines").isEqualTo(lines);
        assertThat(clickHouseLines()).as("clickhouse unified_sales_lines").isEqualTo(lines);
    }

    /** A DuckDB table macro over the week, by key (the day for the daily one). */
    private static Map<List<Object>, SalesTotals> duckDbView(Breakdown breakdown) throws Exception {
        Map<List<Object>, SalesTotals> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile.toAbsolutePath());
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select * from " + breakdown.view() + "(date '" + FIRST + "', date '" + TODAY
                     + "')")) {
            while (row.next()) {
                List<Object> key = new ArrayList<>();
                if (breakdown == Breakdown.DAY) {
                    key.add(row.getObject("date", LocalDate.class));
                }
                for (Attribute attribute : breakdown.keys()) {
                    key.add(attribute.type() == BatchViews.Type.BIGINT ? row.getObject(attribute.column(), Long.class)
                            : row.getString(attribute.column()));
                }
                rows.put(key, new SalesTotals(row.getLong("order_count"), row.getLong("sales_quantity"),
                        row.getBigDecimal("extended_sales_amount").setScale(2),
                        row.getBigDecimal("extended_discount_amount").setScale(2)));
            }
        }
        return rows;
    }

    /** A ClickHouse parameterized view over the week, asked over HTTP, by key (the day for the daily one). */
    private static Map<List<Object>, SalesTotals> clickHouseView(Breakdown breakdown) {
        Map<List<Object>, SalesTotals> rows = new LinkedHashMap<>();
        for (JsonNode row : ClickHouseHttp.rows(ClickHouseFixture.shared(), "SELECT * FROM boundary_serving."
                + breakdown.view() + "(from = '" + FIRST + "', to = '" + TODAY + "')")) {
            List<Object> key = new ArrayList<>();
            if (breakdown == Breakdown.DAY) {
                key.add(LocalDate.parse(row.get("date").asString()));
            }
            for (Attribute attribute : breakdown.keys()) {
                JsonNode value = row.get(attribute.column());
                key.add(value.isNull() ? null : attribute.type() == BatchViews.Type.BIGINT
                        ? Long.valueOf(value.asString()) : value.asString());
            }
            rows.put(key, new SalesTotals(Long.parseLong(row.get("order_count").asString()),
                    Long.parseLong(row.get("sales_quantity").asString()),
                    new BigDecimal(row.get("extended_sales_amount").asString()).setScale(2),
                    new BigDecimal(row.get("extended_discount_amount").asString()).setScale(2)));
        }
        return rows;
    }

    private static Map<List<Object>, SalesTotals> slices(ServingStore store, Breakdown breakdown, LocalDate from,
                                                         LocalDate to) {
        Map<List<Object>, SalesTotals> slices = new LinkedHashMap<>();
        store.salesBy(breakdown, from, to, 1000).forEach(slice -> slices.put(slice.key(), slice.totals()));
        return slices;
    }

    /** A day whose orders all moved away nets to zeros on the batch side: the same as no row. */
    private static <K> Map<K, SalesTotals> withoutZeros(Map<K, SalesTotals> totals) {
        Map<K, SalesTotals> kept = new LinkedHashMap<>();
        totals.forEach((k, v) -> {
            if (v.orderCount() != 0 || v.salesQuantity() != 0 || v.extendedSalesAmount().signum() != 0
                    || v.extendedDiscountAmount().signum() != 0) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    /** The lines view of the DuckDB store, read by a connection of this JVM to the same database. */
    private static List<SalesLine> duckDbLines() throws Exception {
        List<SalesLine> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile.toAbsolutePath());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select * from unified_sales_lines(date '" + FIRST + "', date '" + TODAY
                     + "') order by order_line_id")) {
            while (rows.next()) {
                lines.add(SalesLine.of(rows, rows.getObject("ordered_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            }
        }
        return lines;
    }

    /** The lines view of the ClickHouse store, asked over ClickHouse's HTTP interface. */
    private static List<SalesLine> clickHouseLines() {
        return ClickHouseHttp.rows(ClickHouseFixture.shared(), "SELECT * FROM boundary_serving.unified_sales_lines(from = '"
                + FIRST + "', to = '" + TODAY + "') ORDER BY order_line_id").stream().map(SalesLine::of).toList();
    }

    private static long duckDbCount(String table) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile.toAbsolutePath());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static BigDecimal duckDbBatchSales(LocalDate day) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile.toAbsolutePath());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select extended_sales_amount from batch.agg_daily_sales where sales_date = date '"
                     + day + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getBigDecimal(1);
        }
    }
}
