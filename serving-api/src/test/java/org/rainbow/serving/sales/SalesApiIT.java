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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rainbow.bridge.sink.ChangeRow;
import org.rainbow.bridge.sink.SinkProperties;
import org.rainbow.bridge.sink.duckdb.DuckDbSpeedTableWriter;
import org.rainbow.bridge.table.CapturedTable;
import org.rainbow.bridge.table.RainbowTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' API over HTTP on a real DuckDB serving store whose speed tables are written by stream-bridge's
 * own DuckDB writer: the field names of the routes (serving-api/README.md, Routes), every day of the range,
 * ordering, and RFC 9457 errors for bad parameters.
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
        try (DuckDbSpeedTableWriter writer = new DuckDbSpeedTableWriter(new SinkProperties(true,
                SinkProperties.Engine.DUCKDB, new SinkProperties.DuckDb(duckDb.toString()), null))) {
            Instant yesterday = TODAY.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
            Instant today = TODAY.atStartOfDay(ZoneOffset.UTC).plusSeconds(60).toInstant();
            writer.write(table("products"), List.of(
                    row("products", 1, yesterday, 10L, 7L, "Lamp", "Home", new BigDecimal("20.00"), yesterday, yesterday),
                    row("products", 2, yesterday, 11L, 8L, "Mug", "Home", new BigDecimal("4.50"), yesterday, yesterday)));
            writer.write(table("orders"), List.of(
                    row("orders", 3, yesterday, 100L, 1L, 2L, null, "PLACED", new BigDecimal("44.50"), yesterday, yesterday),
                    row("orders", 4, today, 101L, 1L, 1L, null, "PLACED", new BigDecimal("9.00"), today, today)));
            writer.write(table("order_details"), List.of(
                    row("order_details", 5, yesterday, 1000L, 100L, 10L, 2, new BigDecimal("20.00"), new BigDecimal("20.00"), yesterday, yesterday),
                    row("order_details", 6, yesterday, 1001L, 100L, 11L, 1, new BigDecimal("5.00"), new BigDecimal("4.50"), yesterday, yesterday),
                    row("order_details", 7, today, 1002L, 101L, 11L, 2, new BigDecimal("4.50"), new BigDecimal("4.50"), today, today)));
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
    void perProductAndPerSellerSalesComeBestSellingFirst() throws Exception {
        JsonNode products = JSON.readTree(get("/api/v1/sales/by-product?from=" + TODAY.minusDays(1) + "&to=" + TODAY).body());
        assertThat(products).extracting(p -> p.get("product_id").asLong()).containsExactly(10L, 11L);
        assertThat(products.get(1).get("order_count").asLong()).isEqualTo(2);
        assertThat(products.get(1).get("extended_sales_amount").decimalValue()).isEqualByComparingTo("13.50");

        JsonNode sellers = JSON.readTree(get("/api/v1/sales/by-seller?from=" + TODAY.minusDays(1) + "&to=" + TODAY
                + "&limit=1").body());
        assertThat(sellers).hasSize(1);
        assertThat(sellers.get(0).get("seller_id").asLong()).isEqualTo(7);
    }

    @Test
    void freshnessTellsThereIsNoBatchExportYetAndHowCurrentTheSpeedSideIs() throws Exception {
        JsonNode freshness = JSON.readTree(get("/api/v1/sales/freshness").body());

        assertThat(freshness.get("watermark").isNull()).isTrue();
        assertThat(Instant.parse(freshness.get("speed_last_change_at").asString()))
                .isEqualTo(TODAY.atStartOfDay(ZoneOffset.UTC).plusSeconds(60).toInstant());
        assertThat(freshness.get("speed_lag_ms").asLong()).isNotNegative();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-02-30|from",
            "from=yesterday|from",
            "from=2026-05-02&to=2026-05-01|from",
            "from=2020-01-01&to=2026-01-01|to",
            "from=2026-01-01&to=2026-01-02&limit=0|limit"})
    void badParametersAreRefusedWithAProblemNamingTheParameter(String query, String parameter) throws Exception {
        String route = parameter.equals("limit") ? "/api/v1/sales/by-product?" : "/api/v1/sales/daily?";
        HttpResponse<String> response = get(route + query);

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
                "/api/v1/sales/by-seller", "/api/v1/sales/freshness");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CapturedTable table(String name) {
        return RainbowTables.byName(name).orElseThrow();
    }

    private static ChangeRow row(String table, long version, Instant committedAt, Object... values) {
        return new ChangeRow(table(table), values, version, false, committedAt);
    }
}
