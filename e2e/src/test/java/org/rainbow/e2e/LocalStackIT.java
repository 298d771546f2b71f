package org.rainbow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.rainbow.contracts.source.RainbowTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a user starts it: {@code ./rainbow up} (the launcher jar, real processes: PostgreSQL, three
 * Kafka brokers, rainbow-api, stream-bridge, batch-pipeline, serving-api) on ports of its own, with two days of
 * generated history and no live traffic, so every change in the test is one the test made.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final int API = 28180;
    private static final int SERVING = 28181;
    private static final int PIPELINE = 28182;
    private static final int POSTGRES = 25432;
    private static final int KAFKA = 27092;
    /** serving-api's speed sink (spring.kafka.consumer.group-id of its application.yml). */
    private static final String SPEED_SINK_GROUP = "rainbow-speed-sink";
    // Every port below Linux's ephemeral range (32768+), where an outgoing connection could hold it first;
    // clear of the fixtures' ports (Kafka 29092-29094, controllers 100 above; ClickHouse 28123, 29900).
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Process stack;
    private static Path output;
    private static String token;
    private static JdbcTemplate postgres;

    @BeforeAll
    static void rainbowUp() throws Exception {
        Path state = Files.createTempDirectory("rainbow-local-stack-it");
        output = state.resolve("launcher.out");
        stack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", "rainbow-local/target/rainbow-local.jar", "up", "--state=" + state,
                "--postgres-port=" + POSTGRES, "--api-port=" + API, "--serving-port=" + SERVING,
                "--pipeline-port=" + PIPELINE, "--bridge-port=28183", "--control-port=28184", "--kafka-port=" + KAFKA,
                "--history-days=2", "--history-orders-per-day=40", "--rate=0")
                .directory(CHECKOUT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        awaitOutput("Rainbow is up", Duration.ofMinutes(4));
        token = Files.readString(state.resolve("api-token")).strip();
        awaitOutput("Backfill COMPLETED", Duration.ofMinutes(4));
        postgres = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + POSTGRES + "/rainbow",
                "rainbow", "rainbow"));
        // The backfill's export reaches serving at its next look for exports.
        await("the backfill's export is served", Duration.ofSeconds(30),
                () -> TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().toString().equals(freshness().get("watermark").asString()));
        // A fresh stack's sink replays the topics from their start (the master data and the history days); the
        // freshness of a new order is measured once it has caught up, not behind that replay.
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA))) {
            await("the speed sink has caught up with the topics", Duration.ofMinutes(2), () -> speedSinkCaughtUp(kafka));
        }
    }

    @AfterAll
    static void rainbowDown() throws Exception {
        if (stack != null) {
            stack.destroy(); // SIGTERM: the launcher stops every service, then Kafka, then PostgreSQL (Ctrl-C)
            if (!stack.waitFor(90, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
            assertThat(Files.readString(output)).contains("stopped postgres");
        }
    }

    @Test
    @Order(1)
    void anOrderPlacedThroughTheApiIsInTodaysSalesWithinTwoSeconds() throws Exception {
        JsonNode before = today();
        HttpResponse<String> anonymous = send(order(1));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> operatorRoute = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PIPELINE
                + "/api/v1/backfills?from=" + TODAY.minusDays(2) + "&to=" + TODAY.minusDays(1)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(operatorRoute.statusCode()).isEqualTo(401);

        Instant placed = Instant.now();
        JsonNode order = placeOrder(2);
        BigDecimal total = order.get("total_amount").decimalValue();
        await("the order is in today's sales", Duration.ofSeconds(10),
                () -> today().get("order_count").asLong() == before.get("order_count").asLong() + 1);
        Duration visibleAfter = Duration.between(placed, Instant.now());

        JsonNode after = today();
        assertThat(after.get("extended_sales_amount").decimalValue())
                .isEqualByComparingTo(before.get("extended_sales_amount").decimalValue().add(total));
        assertThat(after.get("sales_quantity").asLong()).isEqualTo(before.get("sales_quantity").asLong() + 2);
        System.out.printf("order %d visible in /api/v1/sales/daily after %d ms%n", order.get("id").asLong(),
                visibleAfter.toMillis());
        assertThat(visibleAfter).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Order(2)
    void everyDayEqualsPostgresAndReRunningYesterdaysPartitionChangesNoNumber() throws Exception {
        LocalDate yesterday = TODAY.minusDays(1);
        JsonNode before = daily(TODAY.minusDays(3), TODAY);
        assertEqualsPostgres(before);
        String served = freshness().get("batch_export_id").asString();

        JsonNode run = JSON.readTree(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PIPELINE
                + "/api/v1/partitions/" + yesterday + "/runs")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        await("the re-run's export is served", Duration.ofSeconds(30),
                () -> !served.equals(freshness().get("batch_export_id").asString()));

        assertThat(daily(TODAY.minusDays(3), TODAY)).isEqualTo(before);
        assertThat(freshness().get("batch_partition").asString()).isEqualTo(yesterday.toString());
    }

    @Test
    @Order(3)
    void theDashboardDrawsTheDailySalesAndFollowsNewOrdersInChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        boolean required = System.getenv("RAINBOW_REQUIRE_BROWSER") != null;
        Assumptions.assumeTrue(required || (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://127.0.0.1:" + SERVING + "/");
            await("the dashboard's first refresh", Duration.ofSeconds(20), () -> dashboard(browser, "refreshes") >= 1);
            assertThat(dashboard(browser, "points")).isEqualTo(30);
            assertThat(browser.executeScript("return document.querySelectorAll('#chart canvas').length")).isEqualTo(1L);
            // Names, not ids: the top lists and the category breakdown are the routes' own rows.
            String range = "?from=" + TODAY.minusDays(29) + "&to=" + TODAY;
            List<String> products = names(get("/api/v1/sales/by-product" + range + "&limit=10"), "product_name");
            assertThat(products).isNotEmpty();
            assertThat(browser.executeScript("return window.rainbowDashboard.products")).isEqualTo(products);
            assertThat(browser.findElement(By.cssSelector("#top-products tbody td")).getText()).doesNotStartWith("#")
                    .startsWith(get("/api/v1/sales/by-product" + range + "&limit=1").get(0).get("product_name").asString());
            assertThat(browser.executeScript("return window.rainbowDashboard.sellers"))
                    .isEqualTo(names(get("/api/v1/sales/by-seller" + range + "&limit=10"), "seller_name"));
            List<String> categories = names(get("/api/v1/sales/by-category" + range), "category");
            assertThat(browser.executeScript("return window.rainbowDashboard.categories")).isEqualTo(categories);
            assertThat(browser.findElements(By.cssSelector("#categories tbody tr"))).hasSize(categories.size());
            BigDecimal shown = new BigDecimal(String.valueOf(browser.executeScript("return window.rainbowDashboard.totalSales")));
            assertThat(shown).isEqualByComparingTo(sum(daily(TODAY.minusDays(29), TODAY)));

            BigDecimal added = BigDecimal.ZERO;
            for (int i = 0; i < 3; i++) {
                added = added.add(placeOrder(1).get("total_amount").decimalValue());
            }
            BigDecimal expected = shown.add(added);
            await("the dashboard shows the new orders", Duration.ofSeconds(15), () -> expected.compareTo(new BigDecimal(
                    String.valueOf(browser.executeScript("return window.rainbowDashboard.totalSales")))) == 0);
            Files.write(Path.of("target/dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(browser.findElement(By.id("status")).getText()).startsWith("updated");

            // Per week, and the chart's figures as CSV.
            new Select(browser.findElement(By.id("grain"))).selectByValue("week");
            long weeks = TODAY.minusDays(29).datesUntil(TODAY.plusDays(1))
                    .map(d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).distinct().count();
            await("the chart shows weeks", Duration.ofSeconds(10), () -> dashboard(browser, "points") == weeks);
            assertThat(browser.findElement(By.id("chart-title")).getText()).isEqualToIgnoringCase("Weekly sales");
            browser.findElement(By.id("csv")).click();
            await("the CSV is fetched", Duration.ofSeconds(10),
                    () -> browser.executeScript("return window.rainbowDashboard.csv") != null);
            List<String> csv = String.valueOf(browser.executeScript("return window.rainbowDashboard.csv")).lines().toList();
            assertThat(csv.get(0)).isEqualTo("date,order_count,sales_quantity,extended_sales_amount,extended_discount_amount");
            assertThat(csv).hasSize((int) weeks + 1);
        } finally {
            browser.quit();
        }
    }

    private static long dashboard(JavascriptExecutor browser, String field) {
        Object value = browser.executeScript("return window.rainbowDashboard && window.rainbowDashboard." + field);
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static JsonNode placeOrder(int quantity) throws IOException, InterruptedException {
        HttpResponse<String> response = send(order(quantity).header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder order(int quantity) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API + "/api/v1/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\": 1, \"payment_id\": 1, \"products\": "
                        + "[{\"productId\": 1, \"quantity\": " + quantity + "}]}"));
    }

    private static void assertEqualsPostgres(JsonNode days) {
        for (JsonNode day : days) {
            List<Map<String, Object>> truth = postgres.queryForList("""
                    select count(distinct o.id) as orders, coalesce(sum(d.quantity * d.price), 0) as sales
                    from orders o join order_details d on d.order_id = o.id
                    where (o.created_at at time zone 'UTC')::date = ?::date""", day.get("date").asString());
            assertThat(day.get("order_count").asLong()).as(day.get("date").asString())
                    .isEqualTo(((Number) truth.get(0).get("orders")).longValue());
            assertThat(day.get("extended_sales_amount").decimalValue()).as(day.get("date").asString())
                    .isEqualByComparingTo((BigDecimal) truth.get(0).get("sales"));
        }
    }

    private static List<String> names(JsonNode rows, String field) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get(field).asString()));
        return names;
    }

    private static BigDecimal sum(JsonNode days) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode day : days) {
            total = total.add(day.get("extended_sales_amount").decimalValue());
        }
        return total;
    }

    /** Whether the speed sink's consumer group has committed every table topic's partition up to its end. */
    private static boolean speedSinkCaughtUp(Admin kafka) {
        try {
            Set<String> topics = RainbowTables.ALL.stream().map(table -> table.topic("rainbow")).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(
                    partition -> ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(SPEED_SINK_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return kafka.listOffsets(ends).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        } catch (ExecutionException e) {
            return false; // topics or the group not there yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode today() {
        return daily(TODAY, TODAY).get(0);
    }

    private static JsonNode daily(LocalDate from, LocalDate to) {
        return get("/api/v1/sales/daily?from=" + from + "&to=" + to);
    }

    private static JsonNode freshness() {
        return get("/api/v1/sales/freshness");
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVING + path)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitOutput(String line, Duration timeout) throws Exception {
        await("'" + line + "' from ./rainbow up (see " + output + ")", timeout, () -> {
            try {
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                if (!stack.isAlive()) {
                    throw new IllegalStateException("./rainbow up exited:\n" + printed);
                }
                return printed.contains(line);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
