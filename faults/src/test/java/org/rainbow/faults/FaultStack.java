package org.rainbow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack exactly as a user runs it ({@code java -jar rainbow-local.jar up}, real processes) on ports of
 * its own, with ClickHouse as the serving store, and the ways to hurt it: stop or kill one part, kill everything.
 */
final class FaultStack implements AutoCloseable {

    static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Below Linux's ephemeral range (32768+), clear of the test fixtures' and LocalStackIT's ports. */
    record Ports(int postgres, int api, int serving, int pipeline, int bridge, int control, int kafka, int clickhouse) {

        static Ports standard() {
            return new Ports(26432, 26180, 26181, 26182, 26183, 26184, 26092, 26123);
        }
    }

    private final Path state;
    private final Ports ports;
    private final List<String> options;
    private Process launcher;
    private Path output;
    private String token;
    private JdbcTemplate admin;

    FaultStack(Path state, Ports ports, List<String> options) {
        this.state = state;
        this.ports = ports;
        this.options = List.copyOf(options);
    }

    /** {@code ./rainbow up}: returns once it says it is up. */
    void up(Duration timeout) throws Exception {
        upInBackground();
        await("the stack is up", timeout, () -> launcherSaid("Rainbow is up"));
        token = Files.readString(state.resolve("api-token")).strip();
        admin = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + ports.postgres()
                + "/rainbow", "rainbow", "rainbow"));
    }

    /** Starts {@code ./rainbow up} and returns at once: for interrupting a first start. */
    void upInBackground() throws IOException {
        output = state.resolveSibling(state.getFileName() + "-launcher-" + System.nanoTime() + ".out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", "rainbow-local/target/rainbow-local.jar", "up", "--state=" + state,
                "--postgres-port=" + ports.postgres(), "--api-port=" + ports.api(), "--serving-port=" + ports.serving(),
                "--pipeline-port=" + ports.pipeline(), "--bridge-port=" + ports.bridge(),
                "--control-port=" + ports.control(), "--kafka-port=" + ports.kafka(), "--serving=clickhouse",
                "--clickhouse-port=" + ports.clickhouse()));
        command.addAll(options);
        launcher = new ProcessBuilder(command).directory(CHECKOUT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    boolean launcherSaid(String text) {
        try {
            if (launcher != null && !launcher.isAlive() && !Files.readString(output).contains(text)) {
                throw new IllegalStateException("the launcher exited (" + launcher.exitValue() + "):\n" + Files.readString(output));
            }
            return Files.exists(output) && Files.readString(output).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String launcherOutput() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the generator's history is written and the batch layer has exported it. */
    void awaitBatchLayer(Duration timeout) throws InterruptedException {
        await("the history backfill", timeout, () -> launcherSaid("Backfill COMPLETED")
                || launcherSaid("Batch layer is up to date"));
    }

    JsonNode parts() {
        return call("GET", "http://127.0.0.1:" + ports.control() + "/api/v1/services");
    }

    JsonNode part(String name) {
        for (JsonNode part : parts()) {
            if (part.get("name").asString().equals(name)) {
                return part;
            }
        }
        throw new IllegalArgumentException("no part " + name);
    }

    boolean running(String name) {
        JsonNode part = part(name);
        return part.get("state").asString().equals("RUNNING") && part.get("healthy").asBoolean();
    }

    long pid(String name) {
        return part(name).get("pid").asLong();
    }

    /** {@code ./rainbow stop NAME}: a real, graceful stop; it stays down until {@link #start(String)}. */
    void stop(String name) {
        call("POST", "http://127.0.0.1:" + ports.control() + "/api/v1/services/" + name + "/stop");
    }

    void start(String name) {
        call("POST", "http://127.0.0.1:" + ports.control() + "/api/v1/services/" + name + "/start");
    }

    /** {@code kill -9} of one part's process; the launcher is expected to bring it back. */
    void kill(String name) {
        long pid = pid(name);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** {@code kill -9} of every process of the stack at once: the launcher, the engines, the services. */
    void killEverything() throws IOException {
        List<ProcessHandle> victims = new ArrayList<>();
        if (launcher != null) {
            victims.add(launcher.toHandle());
        }
        Path pids = state.resolve("pids");
        if (Files.exists(pids)) {
            for (String line : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(victims::add);
            }
        }
        // PostgreSQL's backends and ClickHouse's workers are children of what the launcher watches.
        List<ProcessHandle> descendants = new ArrayList<>();
        victims.forEach(v -> v.descendants().forEach(descendants::add));
        victims.addAll(descendants);
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        }
        launcher = null;
    }

    /** SIGTERM to the launcher (Ctrl-C): it stops everything in order. */
    @Override
    public void close() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + ports.api();
    }

    String servingUrl() {
        return "http://127.0.0.1:" + ports.serving();
    }

    String pipelineUrl() {
        return "http://127.0.0.1:" + ports.pipeline();
    }

    String bridgeUrl() {
        return "http://127.0.0.1:" + ports.bridge();
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka() + ",127.0.0.1:" + (ports.kafka() + 1) + ",127.0.0.1:" + (ports.kafka() + 2);
    }

    Path state() {
        return state;
    }

    String token() {
        return token;
    }

    /** The database as its admin sees it (the local stack's documented operator login). */
    JdbcTemplate database() {
        return admin;
    }

    /** The admin's view of the database before {@link #up} has returned (a start still in progress). */
    JdbcTemplate databaseIfUp() {
        return database("rainbow");
    }

    /** Another database of the stack's PostgreSQL (e.g. rainbow_batch, the job repository), as its admin. */
    JdbcTemplate database(String name) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + name,
                "rainbow", "rainbow"));
    }

    /** A JSON call with the stack's token; fails on anything but 2xx. */
    JsonNode call(String method, String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (notYet instanceof IllegalStateException && notYet.getMessage() != null
                        && notYet.getMessage().startsWith("the launcher exited")) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(250);
        }
    }
}
