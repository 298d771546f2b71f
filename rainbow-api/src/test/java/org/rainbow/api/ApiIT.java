package org.rainbow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.engines.postgres.ServiceRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the API's integration tests: the real application on a random port against the shared real
 * PostgreSQL of this test JVM. Every subclass shares one application context and one database, so each
 * test starts from {@link #truncateAll()} or measures row-count differences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rainbow.generator.enabled=false",
        "rainbow.generator.customers=40",
        "rainbow.generator.sellers=4",
        "rainbow.generator.products-per-seller=5",
        "rainbow.generator.promotions=4",
        "rainbow.generator.history-days=3",
        "rainbow.generator.history-orders-per-day=30",
        "rainbow.generator.change-probability=0.1",
        "logging.level.org.rainbow.api.web=WARN",
        "rainbow.security.token=" + ApiIT.TOKEN})
public abstract class ApiIT {

    /** The static bearer token the tests' application accepts; every request of {@link #send} carries it. */
    protected static final String TOKEN = "api-it-token-0123456789abcdefghij";
    protected static final List<String> TABLES = List.of("order_details", "orders", "promotions", "products",
            "sellers", "customers", "payments");
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    protected int port;

    /** The tests' own view of the database, as the admin login: the application's login may not truncate. */
    protected static JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresFixture.freshDatabase("rainbow_api_it");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresFixture.shared().user(),
                PostgresFixture.shared().password()));
        registry.add("spring.datasource.url", () -> url);
        // As deployed: migrations as the admin login, the application as its own least-privilege login.
        registry.add("spring.flyway.user", () -> PostgresFixture.shared().user());
        registry.add("spring.flyway.password", () -> PostgresFixture.shared().password());
        registry.add("spring.datasource.username", ServiceRole.API::roleName);
        registry.add("spring.datasource.password", () -> PostgresFixture.password(ServiceRole.API));
    }

    protected void truncateAll() {
        jdbc.execute("truncate " + String.join(", ", TABLES) + ", generator_history_plan cascade");
    }

    protected Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Response post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body));
    }

    protected Response patch(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    protected Response send(HttpRequest.Builder request) {
        return sendAnonymously(request.header("Authorization", "Bearer " + TOKEN));
    }

    /** Sends without credentials: what a caller who has no token gets. */
    protected Response sendAnonymously(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Creates one payment method, seller, product at {@code price} and customer; returns their ids. */
    protected Shop openShop(String price) {
        long payment = post("/api/v1/payments", Map.of("method", "CARD_" + System.nanoTime() % 1_000_000_000))
                .created().get("id").asLong();
        long seller = post("/api/v1/sellers", Map.of("name", "Test Store", "city", "Berlin")).created().get("id").asLong();
        long product = post("/api/v1/products", Map.of("seller_id", seller, "name", "Lamp", "category", "Home",
                "price", new java.math.BigDecimal(price))).created().get("id").asLong();
        long customer = post("/api/v1/customers", Map.of("first_name", "Ada", "last_name", "Lovelace",
                "email", "ada." + System.nanoTime() + "@mail.example")).created().get("id").asLong();
        return new Shop(payment, seller, product, customer);
    }

    protected record Shop(long payment, long seller, long product, long customer) {
    }

    protected record Response(int status, String contentType, String location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body of a 201, failing with the body when the status is anything else. */
        public JsonNode created() {
            assertThat(status).as(body).isEqualTo(201);
            return json();
        }

        public JsonNode ok() {
            assertThat(status).as(body).isEqualTo(200);
            return json();
        }

        /** Asserts an RFC 9457 problem body with this status and returns it. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            return problem;
        }
    }
}
