package org.rainbow.bench.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.rainbow.api.RainbowApiApplication;
import org.rainbow.bench.harness.InProcessService;
import org.rainbow.bench.harness.InProcessService.Foreign;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.LocalPostgres.PostgresSettings;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * What the orders benchmark runs against: an embedded PostgreSQL as durable as the local stack's (fsync and
 * synchronous commit on) in a throw-away data directory, and rainbow-api in this JVM on a free port.
 * Closing it, or Ctrl-C, stops both and deletes the data.
 */
final class BenchStack implements AutoCloseable {

    /** A token made for this run: the API checks it on every order, as it does for any client. */
    static final String API_TOKEN = "bench-" + java.util.UUID.randomUUID();

    private final Path dataDirectory;
    private LocalPostgres postgres;
    private ConfigurableApplicationContext api;
    private double apiReadySeconds;
    private boolean closed;

    private BenchStack(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    static BenchStack start(Map<String, String> apiProperties) throws IOException {
        BenchStack stack = new BenchStack(Files.createTempDirectory("rainbow-bench-pg"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "rainbow-bench-stop"));
        try {
            // The binaries are unpacked once per machine and reused; only the data is per run.
            stack.postgres = LocalPostgres.start(new PostgresSettings(0, stack.dataDirectory,
                    Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"),
                    "rainbow", "rainbow", "rainbow", true));
            long apiStart = System.nanoTime();
            stack.api = startApi(stack.postgres, apiProperties);
            stack.apiReadySeconds = (System.nanoTime() - apiStart) / 1e9;
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext startApi(LocalPostgres postgres, Map<String, String> overrides) {
        // Command-line arguments outrank rainbow-api's application.yml.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--rainbow.generator.enabled=false",
                "--rainbow.security.token=" + API_TOKEN,
                "--spring.main.banner-mode=off"));
        overrides.forEach((name, value) -> args.add("--" + name + "=" + value));
        return InProcessService.builder(RainbowApiApplication.class, EnumSet.of(Foreign.BATCH, Foreign.KAFKA))
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    /** Seconds from starting rainbow-api (migrations included) until it took requests. */
    double apiReadySeconds() {
        return apiReadySeconds;
    }

    URI ordersUri() {
        String port = api.getEnvironment().getProperty("local.server.port");
        return URI.create("http://127.0.0.1:" + port + "/api/v1/orders");
    }

    String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    String user() {
        return postgres.user();
    }

    String password() {
        return postgres.password();
    }

    /** The PostgreSQL server process, whose children are the backends serving the benchmark. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    /** The settings that decide the figures, as the running server and application see them. */
    String describe() throws SQLException {
        StringBuilder settings = new StringBuilder("PostgreSQL");
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
                try (ResultSet value = sql.executeQuery("show " + name)) {
                    value.next();
                    settings.append(name.equals("server_version") ? " " : ", " + name + "=").append(value.getString(1));
                }
            }
        }
        settings.append("; rainbow-api in-process: Tomcat max threads ").append(apiSetting("server.tomcat.threads.max"))
                .append(", Hikari pool ").append(apiSetting("spring.datasource.hikari.maximum-pool-size"))
                .append(", reWriteBatchedInserts ")
                .append(apiSetting("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts"))
                .append(", Hibernate batch_size ")
                .append(apiSetting("spring.jpa.properties.hibernate.jdbc.batch_size"));
        return settings.toString();
    }

    private String apiSetting(String property) {
        return api.getEnvironment().getProperty(property, "default");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (api != null) {
            api.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteRecursively(dataDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
