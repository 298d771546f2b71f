package org.rainbow.serving.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.speed.sink.ChangeRow;
import org.rainbow.speed.sink.duckdb.DuckDbSpeedTableWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' API over HTTP on a real DuckDB serving store whose speed tables are written by speed-store's
 * own DuckDB writer: field names, every day (week, month) of the range, every cut named as the orders were
 * placed, ordering, CSV, and RFC 9457 errors for bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rainbow.serving.exports.load-enabled=false", "rainbow.serving.speed-sink.enabled=false"})
class SalesApiIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path duckDb;

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        duckDb = Files.createTempDirectory("sales-api-it").resolve("serving.duckdb");
        writeSpeedRows();
        registry.add("rainbow.serving.duckdb.path", duckDb::toString);
    }

    private static void writeSpeedRows() throws Exception {
        // The sink's writer creates the speed tables and writes what CDC would have delivered.
        try (DuckDbSpeedTableWriter writer = new DuckDbSpeedTableWriter(duckDb)) {
            Instant longAgo = TODAY.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant yesterday = TODAY.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
            Instant today = TODAY.atStartOfDay(ZoneOffset.UTC).plusSeconds(60).toInstant();
            Instant afterToday = today.plusSeconds(60);
            writer.write(table("sellers"), List.of(row("sellers", 1, longAgo, 7L, "Rossi Market", "Milan", longAgo, longAgo),
                    row("sellers", 2, longAgo, 8L, "Nakamura Goods", null, longAgo, longAgo)));
            writer.write(table("customers"), List.of(
                    row("customers", 3, longAgo, 1L, "Ada", "L", "ada@example.com", null, "Turin", longAgo, longAgo),
                    row("customers", 4, longAgo, 2L, "Alan", "T", "alan@example.com", null, "Naples", longAgo, longAgo)));
            writer.write(table("payments"), List.of(row("payments", 5, longAgo, 1L, "CASH", longAgo, longAgo),
                    row("payments", 6, longAgo, 2L, "CREDIT_CARD", longAgo, longAgo)));
            writer.write(table("promotions"), List.of(row("promotions", 7, longAgo, 3L, "Spring", "PERCENTAGE",
                    new BigDecimal("10.00"), TODAY.minusDays(60), TODAY.plusDays(60), null, 1, longAgo, longAgo)));
            writer.write(table("products"), List.of(
                    row("products", 8, longAgo, 10L, 7L, "Lamp", "Home", new BigDecimal("20.00"), longAgo, longAgo),
                    row("products", 9, longAgo, 11L, 8L, "Mug", "Kitchen", new BigDecimal("4.50"), longAgo, longAgo)));
            writer.write(table("orders"), List.of(
                    row("orders", 10, yesterday, 100L, 1L, 2L, null, "PLACED", new BigDecimal("44.50"), yesterday, yesterday),
                    row("orders", 11, today, 101L, 2L, 1L, 3L, "PLACED", new BigDecimal("9.00"), today, today)));
            writer.write(table("order_details"), List.of(
                    row("order_details", 12, yesterday, 1000L, 100L, 10L, 2, new BigDecimal("20.00"), new BigDecimal("20.00"), yesterday, yesterday),
                    row("order_details", 13, yesterday, 1001L, 100L, 11L, 1, new BigDecimal("5.00"), new BigDecimal("4.50"), yesterday, yesterday),
                    row("order_details", 14, today, 1002L, 101L, 11L, 2, new BigDecimal("4.50"), new BigDecimal("4.50"), today, today)));
            // Renamed after today's order: the orders keep the name they were placed under.
            writer.write(table("products"), List.of(row("products", 15, afterToday, 11L, 8L, "Mug XL", "Kitchen",
                    new BigDecimal("4.50"), longAgo, afterToday)));
        }
    }

    @Test
    void dailySalesListEveryDayOfTheRangeWithTheFieldsOfTheContract() throws Exception {
        HttpResponse<String> response = get("/api/v1/sales/daily?from=" + TODAY.minusDays(3) + "&to=" + TODAY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode days = JSON.readTree(response.body());
        assertThat(days).hasSize(4);
        assertThat(days.get(0).propertyNames()).containsExactly("date", "order_count", "sales_quantity",
                "extended_sales_amount", "extended_discount_amount");
        assertThat(days.get(0).get("order_count").asLong()).isZero();
        JsonNode yesterday = days.get(2);
        assertThat(yesterday.get("date").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(yesterday.get("order_count").asLong()).isEqualTo(1);
        assertThat(yesterday.get("sales_quantity").asLong()).isEqualTo(3);
        assertThat(yesterday.get("extended_sales_amount").decimalValue()).isEqualByComparingTo("44.50");
        assertThat(yesterday.get("extended_discount_amount").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(days.get(3).get("extended_sales_amount").decimalValue()).isEqualByComparingTo("9.00");
    }

    @Test
    void everyCutNamesItsKeysAsTheyWereWhenTheOrdersWerePlacedBestSellingFirst() throws Exception {
        String range = "?from=" + TODAY.minusDays(1) + "&to=" + TODAY;
        JsonNode products = json("/api/v1/sales/by-product" + range);
        assertThat(products.get(0).propertyNames()).containsExactly("product_id", "product_name", "category",
                "order_count", "sales_quantity", "extended_sales_amount", "extended_discount_amount");
        assertThat(products).extracting(p -> p.get("product_id").asLong() + " " + p.get("product_name").asString()
                + " " + p.get("category").asString()).containsExactly("10 Lamp Home", "11 Mug Kitchen");
        assertThat(products.get(1).get("order_count").asLong()).isEqualTo(2);
        assertThat(products.get(1).get("extended_sales_amount").decimalValue()).isEqualByComparingTo("13.50");

        JsonNode sellers = json("/api/v1/sales/by-seller" + range + "&limit=1");
        assertThat(sellers).hasSize(1);
        assertThat(sellers.get(0).get("seller_id").asLong()).isEqualTo(7);
        assertThat(sellers.get(0).get("seller_name").asString()).isEqualTo("Rossi Market");

        assertThat(json("/api/v1/sales/by-category" + range)).extracting(c -> c.get("category").asString() + " "
                + c.get("extended_sales_amount").decimalValue().setScale(2).toPlainString()).containsExactly("Home 40.00", "Kitchen 13.50");
        assertThat(json("/api/v1/sales/by-city" + range)).extracting(c -> c.get("customer_city").asString() + " "
                + c.get("order_count").asLong()).containsExactly("Turin 1", "Naples 1");
        assertThat(json("/api/v1/sales/by-payment" + range)).extracting(p -> p.get("payment_method").asString())
                .containsExactly("CREDIT_CARD", "CASH");
        JsonNode promotions = json("/api/v1/sales/by-promotion" + range);
        assertThat(promotions.get(0).get("promotion_id").isNull()).isTrue();
        assertThat(promotions.get(1).get("promotion_name").asString()).isEqualTo("Spring");
        assertThat(promotions.get(1).get("promotion_type").asString()).isEqualTo("PERCENTAGE");
    }

    @ParameterizedTest(name = "grain={0}")
    @CsvSource({"week", "month"})
    void weeksAndMonthsSumTheirDaysInTheRange(String grain) throws Exception {
        LocalDate from = TODAY.minusDays(70);
        JsonNode buckets = json("/api/v1/sales/daily?from=" + from + "&to=" + TODAY + "&grain=" + grain);

        List<LocalDate> starts = new ArrayList<>();
        buckets.forEach(b -> starts.add(LocalDate.parse(b.get("date").asString())));
        LocalDate first = grain.equals("week") ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : from.withDayOfMonth(1);
        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(TODAY); start = grain.equals("week") ? start.plusWeeks(1) : start.plusMonths(1)) {
            expected.add(start);
        }
        assertThat(starts).isEqualTo(expected);
        BigDecimal total = BigDecimal.ZERO;
        long orders = 0;
        for (JsonNode bucket : buckets) {
            total = total.add(bucket.get("extended_sales_amount").decimalValue());
            orders += bucket.get("order_count").asLong();
        }
        assertThat(total).isEqualByComparingTo("53.50");
        assertThat(orders).isEqualTo(2);
    }

    @Test
    void anyRouteAnswersCsvToAcceptTextCsv() throws Exception {
        HttpResponse<String> products = get("/api/v1/sales/by-product?from=" + TODAY.minusDays(1) + "&to=" + TODAY, "text/csv");
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(products.body().lines()).containsExactly(
                "product_id,product_name,category,order_count,sales_quantity,extended_sales_amount,extended_discount_amount",
                "10,Lamp,Home,1,2,40.00,0.00", "11,Mug,Kitchen,2,3,13.50,0.50");

        List<String> days = get("/api/v1/sales/daily?from=" + TODAY.minusDays(1) + "&to=" + TODAY, "text/csv").body()
                .lines().toList();
        assertThat(days).containsExactly("date,order_count,sales_quantity,extended_sales_amount,extended_discount_amount",
                TODAY.minusDays(1) + ",1,3,44.50,0.50", TODAY + ",1,2,9.00,0.00");
        assertThat(get("/api/v1/sales/freshness", "text/csv").body().lines().findFirst().orElseThrow())
                .startsWith("watermark,batch_export_id,");

        HttpResponse<String> bad = get("/api/v1/sales/by-city?limit=0", "text/csv");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void freshnessTellsThereIsNoBatchExportYetAndHowCurrentTheSpeedSideIs() throws Exception {
        JsonNode freshness = JSON.readTree(get("/api/v1/sales/freshness").body());

        assertThat(freshness.get("watermark").isNull()).isTrue();
        assertThat(Instant.parse(freshness.get("speed_last_change_at").asString()))
                .isEqualTo(TODAY.atStartOfDay(ZoneOffset.UTC).plusSeconds(60).toInstant());
        assertThat(freshness.get("speed_lag_ms").asLong()).isNotNegative();
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(delimiter = '|', value = {
            "daily|from=2026-02-30|from",
            "daily|from=yesterday|from",
            "daily|from=2026-05-02&to=2026-05-01|from",
            "daily|from=2020-01-01&to=2026-01-01|to",
            "daily|grain=year|grain",
            "by-city|to=yesterday|to",
            "by-category|from=2026-05-02&to=2026-05-01|from",
            "by-seller|limit=ten|limit",
            "by-promotion|from=2026-01-01&to=2026-01-02&limit=0|limit"})
    void badParametersAreRefusedWithAProblemNamingTheParameter(String route, String query, String parameter)
            throws Exception {
        HttpResponse<String> response = get("/api/v1/sales/" + route + "?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
    }

    @Test
    void theDashboardItsChartLibraryAndTheOpenApiDocumentAreServed() throws Exception {
        assertThat(get("/").body()).contains("<title>Rainbow — sales</title>", "/dashboard.js");
        assertThat(get("/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(get("/v3/api-docs").body());
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/sales/daily", "/api/v1/sales/by-product",
                "/api/v1/sales/by-seller", "/api/v1/sales/by-payment", "/api/v1/sales/by-category",
                "/api/v1/sales/by-city", "/api/v1/sales/by-promotion", "/api/v1/sales/freshness");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static CapturedTable table(String name) {
        return RainbowTables.byName(name).orElseThrow();
    }

    private static ChangeRow row(String table, long version, Instant committedAt, Object... values) {
        return new ChangeRow(table(table), values, version, false, committedAt);
    }
}
