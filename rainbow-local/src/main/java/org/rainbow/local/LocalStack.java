package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.rainbow.engines.kafka.LocalKafka;
import org.rainbow.engines.kafka.LocalKafka.KafkaSettings;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.LocalPostgres.PostgresSettings;

/**
 * Starts the embedded engines, then each service against them, and stops it all in reverse order.
 * A service that dies stops the whole stack, so a half-running platform never poses as a healthy one.
 */
final class LocalStack {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Path checkout;
    private final StackOptions options;
    private final StalePids stalePids;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private volatile boolean stopping;

    LocalStack(Path checkout, StackOptions options) {
        this.checkout = checkout;
        this.options = options;
        this.stalePids = new StalePids(options.stateDirectory());
    }

    void start() throws InterruptedException {
        if (options.fresh()) {
            stalePids.stopLeftovers();
            deleteState();
        }
        createStateDirectory();
        stalePids.stopLeftovers();
        Path token = ApiToken.ensure(options.stateDirectory());
        long began = System.nanoTime();

        postgres = LocalPostgres.start(PostgresSettings.localStack(options.stateDirectory(), options.postgresPort()));
        recordPids();
        kafka = LocalKafka.start(KafkaSettings.localStack(options.stateDirectory(), options.kafkaPort()));

        String apiUrl = "http://127.0.0.1:" + options.apiPort();
        ServiceProcess api = ServiceProcess.start("rainbow-api", ServiceJars.find(checkout, "rainbow-api"), List.of(
                        "--server.port=" + options.apiPort(),
                        "--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--rainbow.security.token-file=" + token,
                        "--rainbow.generator.enabled=true",
                        "--rainbow.generator.seed=" + options.seed(),
                        "--rainbow.generator.orders-per-second=" + options.ordersPerSecond(),
                        "--rainbow.generator.history-days=" + options.historyDays(),
                        "--rainbow.generator.history-orders-per-day=" + options.historyOrdersPerDay()),
                options.stateDirectory().resolve("logs"), URI.create(apiUrl + "/actuator/health"));
        services.add(api);

        postgres.createDatabase("rainbow_batch");
        String pipelineUrl = "http://127.0.0.1:" + options.pipelinePort();
        Path state = options.stateDirectory();
        ServiceProcess pipeline = ServiceProcess.start("batch-pipeline", ServiceJars.find(checkout, "batch-pipeline"),
                List.of("--server.port=" + options.pipelinePort(),
                        "--spring.datasource.url=" + postgres.jdbcUrl("rainbow_batch"),
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--rainbow.pipeline.source.url=" + postgres.jdbcUrl(),
                        "--rainbow.pipeline.source.username=" + postgres.user(),
                        "--rainbow.pipeline.source.password=" + postgres.password(),
                        "--rainbow.security.token-file=" + token,
                        "--rainbow.storage.local-root=" + state.resolve("storage"),
                        "--rainbow.warehouse.duckdb-file=" + state.resolve("warehouse.duckdb"),
                        "--rainbow.pipeline.work-directory=" + state.resolve("tmp/pipeline")),
                state.resolve("logs"), URI.create(pipelineUrl + "/actuator/health"));
        services.add(pipeline);
        recordPids();
        api.awaitHealthy(STARTUP);
        pipeline.awaitHealthy(STARTUP);

        // DuckDB admits one writing process per file: serving-api owns the serving store and hosts the speed
        // sink (Kafka -> speed tables) beside its queries; stream-bridge runs the capture role only.
        String servingUrl = "http://127.0.0.1:" + options.servingPort();
        Path duckDb = state.resolve("serving/rainbow.duckdb");
        ServiceProcess serving = ServiceProcess.start("serving-api", ServiceJars.find(checkout, "serving-api"), List.of(
                        "--server.port=" + options.servingPort(),
                        "--rainbow.serving.engine=duckdb",
                        "--rainbow.serving.duckdb.path=" + duckDb,
                        "--rainbow.serving.speed-sink.enabled=true",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--rainbow.storage.local-root=" + state.resolve("storage")),
                state.resolve("logs"), URI.create(servingUrl + "/actuator/health"));
        services.add(serving);
        recordPids();

        // After the API: its migrations create the tables that change capture publishes.
        String bridgeUrl = "http://127.0.0.1:" + options.bridgePort();
        ServiceProcess bridge = ServiceProcess.start("stream-bridge", ServiceJars.find(checkout, "stream-bridge"), List.of(
                        "--server.port=" + options.bridgePort(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--rainbow.bridge.capture.port=" + postgres.port(),
                        "--rainbow.bridge.capture.user=" + postgres.user(),
                        "--rainbow.bridge.capture.password=" + postgres.password(),
                        "--rainbow.bridge.sink.enabled=false"),
                state.resolve("logs"), URI.create(bridgeUrl + "/actuator/health"));
        services.add(bridge);
        recordPids();
        serving.awaitHealthy(STARTUP);
        bridge.awaitHealthy(STARTUP);

        System.out.printf("""

                Rainbow is up (%.1f s). State and logs: %s
                  API token         %s   (writes and operator routes: -H "Authorization: Bearer $(cat %s)")
                  PostgreSQL        jdbc:postgresql://127.0.0.1:%d/rainbow   (user rainbow, password rainbow)
                  rainbow-api       %s   (orders: %s/api/v1/orders, Swagger UI: %s/swagger-ui.html)
                                    metrics: %s/actuator/prometheus   log: %s
                  traffic generator %s history days, then %s orders/s live (seed %d)
                  Kafka (3 brokers) %s   (topics rainbow.public.<table>, rainbow.dlq)
                  stream-bridge     %s   (change capture -> Kafka; health: %s/actuator/health)   log: %s
                  batch-pipeline    %s   (assets: ./rainbow status; daily run at 00:00 UTC)
                                    Parquet master dataset: %s   warehouse: %s   log: %s
                  serving-api       %s   (dashboard: %s/ ; sales: %s/api/v1/sales/daily ; Swagger UI: %s/swagger-ui.html)
                                    serving store: DuckDB %s (speed tables written here from Kafka)   log: %s
                Press Ctrl-C to stop everything.
                %n""", (System.nanoTime() - began) / 1e9, options.stateDirectory(),
                ApiToken.read(token), token, postgres.port(),
                apiUrl, apiUrl, apiUrl, apiUrl, api.log(), options.historyDays(), options.ordersPerSecond(),
                options.seed(), kafka.bootstrapServers(), bridgeUrl, bridgeUrl, bridge.log(),
                pipelineUrl, state.resolve("storage"), state.resolve("warehouse.duckdb"), pipeline.log(),
                servingUrl, servingUrl, servingUrl, servingUrl, duckDb, serving.log());
        watchServices();
        // The generator seeds master data the day before its history starts: that day is partition one.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Thread backfill = new Thread(new HistoryBackfill(new PipelineClient(pipelineUrl, ApiToken.forCommands(state)), apiUrl,
                today.minusDays(options.historyDays() + 1L), today.minusDays(1)), "history-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Blocks until {@link #stop()} ran (Ctrl-C) or a service died. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        System.out.println("Stopping Rainbow ...");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(30));
            System.out.println("  stopped " + services.get(i).name());
        }
        if (kafka != null) {
            kafka.close();
            System.out.println("  stopped Kafka");
        }
        if (postgres != null) {
            postgres.close();
            System.out.println("  stopped PostgreSQL");
        }
        stalePids.clear();
        stopped.countDown();
    }

    private void watchServices() {
        Thread watcher = new Thread(() -> {
            while (!stopping) {
                for (ServiceProcess service : services) {
                    if (!service.isAlive() && !stopping) {
                        System.err.println(service.name() + " died; see " + service.log() + ". Stopping the stack.");
                        System.exit(1);
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rainbow-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void recordPids() {
        List<Long> pids = new ArrayList<>(services.stream().map(ServiceProcess::pid).toList());
        Path postmasterPid = options.stateDirectory().resolve("postgres/data/postmaster.pid");
        try {
            if (Files.exists(postmasterPid)) {
                pids.add(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stalePids.record(pids);
    }

    private void createStateDirectory() {
        try {
            Files.createDirectories(options.stateDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteState() {
        Path state = options.stateDirectory();
        if (!Files.exists(state)) {
            return;
        }
        System.out.println("--fresh: deleting " + state);
        try (Stream<Path> paths = Files.walk(state)) {
            // PostgreSQL binaries are unpacked once and kept: they are not state.
            Path binaries = state.resolve("postgres/binaries");
            paths.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.startsWith(binaries) && !p.equals(state) && !p.equals(state.resolve("postgres")))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
