package org.rainbow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.LocalPostgres.PostgresSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL killed under the API (its own server here, not the shared one): requests get a 503 problem within
 * about two seconds and write nothing, and once the server is back the same request succeeds within seconds.
 */
class DatabaseOutageIT {

    private static final String TOKEN = "outage-it-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whileTheDatabaseIsDownRequestsAreA503WithinSecondsAndTheApiRecoversWithIt(@TempDir Path state) throws Exception {
        PostgresSettings settings = new PostgresSettings(0, state.resolve("data"),
                Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"), "rainbow", "rainbow", "rainbow", false);
        LocalPostgres postgres = LocalPostgres.start(settings);
        PostgresSettings samePort = new PostgresSettings(postgres.port(), settings.dataDirectory(),
                settings.binariesDirectory(), "rainbow", "rainbow", "rainbow", false);
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password()).load().migrate();
        JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(),
                postgres.password()));
        sql.execute("insert into payments (id, method) values (1, 'CASH')");
        sql.execute("insert into sellers (id, name) values (1, 's')");
        sql.execute("insert into products (id, seller_id, name, category, price) values (1, 1, 'p', 'c', 5.00)");
        sql.execute("insert into customers (id, first_name, last_name, email) values (1, 'a', 'b', 'a@x.example')");

        try (ConfigurableApplicationContext api = new SpringApplicationBuilder(RainbowApiApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=rainbow", "--spring.datasource.password=rainbow",
                "--rainbow.security.token=" + TOKEN, "--spring.main.banner-mode=off")) {
            int port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
            assertThat(placeOrder(port).statusCode()).isEqualTo(201);

            long postmaster = Long.parseLong(Files.readAllLines(settings.dataDirectory().resolve("postmaster.pid"))
                    .get(0).trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                HttpResponse<String> refused = placeOrder(port);
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(took).isLessThan(Duration.ofSeconds(4));
            }
            HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/orders?size=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(503);

            postgres.close();
            postgres = LocalPostgres.start(samePort);
            // The pool reconnects on its own within a few seconds; until then a request may still get its 503.
            await().atMost(Duration.ofSeconds(15)).until(() -> placeOrder(port).statusCode() == 201);
            assertThat(sql.queryForObject("select count(*) from orders", Long.class)).isEqualTo(2);
        } finally {
            postgres.close();
        }
    }

    private static HttpResponse<String> placeOrder(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"customerId\": 1, \"payment_id\": 1, \"products\": [{\"productId\": 1, \"quantity\": 1}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
