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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.rainbow.engines.LoopbackPorts;
import org.rainbow.engines.kafka.LocalKafka;
import org.rainbow.engines.kafka.LocalKafka.KafkaSettings;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.LocalPostgres.PostgresSettings;
import org.rainbow.engines.postgres.ServiceRole;

/**
 * Starts the embedded engines (PostgreSQL, three Kafka nodes, each in a process of its own), then each service
 * against them, all under a {@link Supervisor}: a part that dies is restarted while the rest keeps running.
 * Ctrl-C (SIGTERM) stops it all in reverse order.
 */
final class LocalStack {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("rainbow-api", "batch-pipeline", "serving-api", "stream-bridge");

    private final Path checkout;
    private final StackOptions options;
    private final StalePids stalePids;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, ClassDataSharing> serviceJars = new HashMap<>();
    private Supervisor supervisor;
    private ControlServer control;
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
        long began = System.nanoTime();
        Path state = options.stateDirectory();
        Path logs = state.resolve("logs");
        Path token = ApiToken.ensure(state);
        LocalSecrets secrets = LocalSecrets.load(state);
        LoopbackPorts.requireFree("The launcher's control API", List.of(options.controlPort()));
        // Extracting the jars for class-data sharing (once per build) overlaps the engines' start.
        ClassDataSharing launcherJar = ClassDataSharing.prepare(checkout.resolve("rainbow-local/target/rainbow-local.jar"));
        for (String service : SERVICES) {
            serviceJars.put(service, ClassDataSharing.prepare(ServiceJars.find(checkout, service)));
        }
        supervisor = new Supervisor(Supervisor.Policy.standard(), () -> stalePids.record(supervisor.pids()));
        control = ControlServer.start(options.controlPort(), supervisor, ApiToken.read(token));

        PostgresSettings postgresSettings = PostgresSettings.localStack(state, options.postgresPort());
        PostgresEngine postgres = new PostgresEngine(postgresSettings, server -> {
            for (ServiceRole role : ServiceRole.values()) {
                server.ensureLogin(role, secrets.password(role));
            }
            server.createDatabase("rainbow_batch", ServiceRole.PIPELINE);
        });
        supervisor.add(postgres, "postgres", SERVICE_GRACE);
        supervisor.startAndAwait(STARTUP, postgres.name());
        LocalPostgres database = postgres.server();

        KafkaSettings kafka = KafkaSettings.localStack(state, options.kafkaPort());
        LoopbackPorts.requireFree("Kafka", Stream.concat(kafka.brokerPorts().stream(), kafka.controllerPorts().stream())
                .toList());
        List<String> nodes = new ArrayList<>();
        for (int node = 0; node < kafka.brokerPorts().size(); node++) {
            String name = "kafka-" + node;
            supervisor.add(new JvmProcess(name, List.of("-XX:+UseSerialGC", "-Xmx512m"), launcherJar,
                    List.of("kafka-node", "--node=" + node, "--state=" + state, "--kafka-port=" + options.kafkaPort()),
                    Map.of(), logs, Readiness.port(kafka.brokerPorts().get(node))), "kafka", Duration.ofSeconds(60));
            nodes.add(name);
        }
        supervisor.startAndAwait(STARTUP, nodes.toArray(String[]::new));
        LocalKafka.awaitBrokers(kafka, Duration.ofSeconds(90));
        boolean clickHouse = options.serving() == StackOptions.Serving.CLICKHOUSE;
        String clickHouseUrl = "http://127.0.0.1:" + options.clickhousePort();
        if (clickHouse) {
            ClickHouseEngine engine = new ClickHouseEngine(options.clickhousePort(), options.clickhousePort() + 1,
                    state.resolve("clickhouse"));
            supervisor.add(engine, "clickhouse", SERVICE_GRACE);
            supervisor.startAndAwait(STARTUP, engine.name());
        }

        String apiUrl = "http://127.0.0.1:" + options.apiPort();
        supervisor.add(service("rainbow-api", options.apiPort(), List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--rainbow.security.token-file=" + token,
                "--rainbow.generator.enabled=true",
                "--rainbow.generator.seed=" + options.seed(),
                "--rainbow.generator.orders-per-second=" + options.ordersPerSecond(),
                "--rainbow.generator.history-days=" + options.historyDays(),
                "--rainbow.generator.history-orders-per-day=" + options.historyOrdersPerDay()), Map.of(
                "SPRING_DATASOURCE_USERNAME", ServiceRole.API.roleName(),
                "SPRING_DATASOURCE_PASSWORD", secrets.password(ServiceRole.API),
                "SPRING_FLYWAY_USER", database.user(),
                "SPRING_FLYWAY_PASSWORD", database.password())), "services", SERVICE_GRACE);

        String pipelineUrl = "http://127.0.0.1:" + options.pipelinePort();
        supervisor.add(service("batch-pipeline", options.pipelinePort(), List.of(
                "--spring.datasource.url=" + database.jdbcUrl("rainbow_batch"),
                "--rainbow.pipeline.source.url=" + database.jdbcUrl(),
                "--rainbow.security.token-file=" + token,
                "--rainbow.storage.local-root=" + state.resolve("storage"),
                "--rainbow.warehouse.duckdb-file=" + state.resolve("warehouse.duckdb"),
                "--rainbow.pipeline.work-directory=" + state.resolve("tmp/pipeline")), Map.of(
                "SPRING_DATASOURCE_USERNAME", ServiceRole.PIPELINE.roleName(),
                "SPRING_DATASOURCE_PASSWORD", secrets.password(ServiceRole.PIPELINE),
                "RAINBOW_PIPELINE_SOURCE_USERNAME", ServiceRole.PIPELINE.roleName(),
                "RAINBOW_PIPELINE_SOURCE_PASSWORD", secrets.password(ServiceRole.PIPELINE))), "services", SERVICE_GRACE);
        supervisor.startAndAwait(STARTUP, "rainbow-api", "batch-pipeline");

        // DuckDB admits one writing process per file: serving-api owns the serving store and hosts the speed
        // sink (Kafka -> speed tables) beside its queries, stream-bridge runs the capture role only. With
        // ClickHouse, stream-bridge writes the speed tables itself, as in production.
        String servingUrl = "http://127.0.0.1:" + options.servingPort();
        Path duckDb = state.resolve("serving/rainbow.duckdb");
        List<String> servingArguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--rainbow.storage.local-root=" + state.resolve("storage")));
        List<String> bridgeArguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--rainbow.bridge.capture.port=" + database.port(),
                "--rainbow.bridge.capture.heartbeat-interval=" + options.captureHeartbeat().toMillis() + "ms"));
        if (clickHouse) {
            servingArguments.addAll(List.of("--rainbow.serving.engine=clickhouse",
                    "--rainbow.serving.clickhouse.url=" + clickHouseUrl,
                    "--rainbow.serving.speed-sink.enabled=false"));
            bridgeArguments.addAll(List.of("--rainbow.serving.engine=clickhouse",
                    "--rainbow.serving.clickhouse.url=" + clickHouseUrl));
        } else {
            servingArguments.addAll(List.of("--rainbow.serving.engine=duckdb",
                    "--rainbow.serving.duckdb.path=" + duckDb,
                    "--rainbow.serving.speed-sink.enabled=true"));
            bridgeArguments.add("--rainbow.bridge.sink.enabled=false");
        }
        supervisor.add(service("serving-api", options.servingPort(), servingArguments, Map.of()), "services",
                SERVICE_GRACE);
        // After the API: its migrations create the tables and the publication that change capture reads.
        String bridgeUrl = "http://127.0.0.1:" + options.bridgePort();
        supervisor.add(service("stream-bridge", options.bridgePort(), bridgeArguments, Map.of(
                "RAINBOW_BRIDGE_CAPTURE_USER", ServiceRole.CAPTURE.roleName(),
                "RAINBOW_BRIDGE_CAPTURE_PASSWORD", secrets.password(ServiceRole.CAPTURE))), "services", SERVICE_GRACE);
        supervisor.startAndAwait(STARTUP, "serving-api", "stream-bridge");

        // No Kafka UI runs locally (compose and Kubernetes have one); kcat, a Debian package, reads the topics.
        String firstBroker = kafka.bootstrapServers().split(",")[0];
        System.out.printf("""

                Rainbow is up (%.1f s). State and logs: %s
                  API token         %s
                                    writes and operator routes: -H "Authorization: Bearer $(cat %s)"
                  PostgreSQL        jdbc:postgresql://127.0.0.1:%d/rainbow   (admin login rainbow, password rainbow;
                                    the services log in as rainbow_api, rainbow_capture, rainbow_pipeline)
                  rainbow-api       %s   (orders: %s/api/v1/orders, Swagger UI: %s/swagger-ui.html)
                  traffic generator %s history days, then %s orders/s live (seed %d)
                  Kafka (3 nodes)   %s   (topics rainbow.public.<table>, rainbow.dlq)
                                    inspect with kcat (apt-get install kcat): kcat -b %s -L
                                    kcat -b %s -C -t rainbow.public.orders -o -5 -e
                  stream-bridge     %s   (change capture -> Kafka)
                  batch-pipeline    %s   (console: %s/ ; assets and checks: ./rainbow status; daily run 00:00 UTC)
                                    Parquet master dataset: %s   warehouse: %s
                  serving-api       %s   (dashboard: %s/ ; sales: %s/api/v1/sales/daily)
                                    serving store: %s
                  supervision       ./rainbow ps shows every part; one that dies is restarted (logs: %s)
                Press Ctrl-C to stop everything.
                %n""", (System.nanoTime() - began) / 1e9, state, ApiToken.read(token), token,
                database.port(), apiUrl, apiUrl, apiUrl, options.historyDays(), options.ordersPerSecond(),
                options.seed(), kafka.bootstrapServers(), firstBroker, firstBroker, bridgeUrl, pipelineUrl, pipelineUrl, state.resolve("storage"),
                state.resolve("warehouse.duckdb"), servingUrl, servingUrl, servingUrl, clickHouse
                        ? "ClickHouse " + clickHouseUrl + " (user default; stream-bridge writes the speed tables;\n"
                        + "                                    SQL: SELECT * FROM serving.unified_sales_daily(from='"
                        + LocalDate.now(ZoneOffset.UTC).minusDays(29) + "', to='" + LocalDate.now(ZoneOffset.UTC) + "'))"
                        : "DuckDB " + duckDb + " (speed tables written here from Kafka)", logs);
        // The generator seeds master data the day before its history starts: that day is partition one.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Thread backfill = new Thread(new HistoryBackfill(new PipelineClient(pipelineUrl, ApiToken.read(token)), apiUrl,
                today.minusDays(options.historyDays() + 1L), today.minusDays(1)), "history-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Blocks until {@link #stop()} ran (Ctrl-C, SIGTERM). */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        System.out.println("Stopping Rainbow ...");
        if (control != null) {
            control.close();
        }
        if (supervisor != null) {
            supervisor.stopAll();
        }
        stalePids.clear();
        stopped.countDown();
    }

    private JvmProcess service(String name, int port, List<String> arguments, Map<String, String> environment) {
        List<String> all = new ArrayList<>();
        all.add("--server.port=" + port);
        all.addAll(arguments);
        return new JvmProcess(name, List.of("-XX:+UseSerialGC"), serviceJars.get(name), all, environment,
                options.stateDirectory().resolve("logs"),
                Readiness.healthEndpoint(URI.create("http://127.0.0.1:" + port + "/actuator/health")));
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
