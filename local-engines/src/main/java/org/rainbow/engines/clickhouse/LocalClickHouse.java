package org.rainbow.engines.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rainbow.engines.LoopbackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ClickHouse (chDB's engine, ClickHouse 26.7) serving HTTP and native protocol on 127.0.0.1, run by
 * the launcher in a child process. Data lives under {@code dataDirectory}; create a database of your own
 * (the {@code default} one uses the Overlay engine).
 */
public final class LocalClickHouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalClickHouse.class);
    /** The listeners stay up while this query runs: about three years of one-second sleeps. */
    private static final String SERVE = "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
            + "SELECT sleepEachRow(1) FROM numbers(100000000) "
            + "SETTINGS function_sleep_max_microseconds_per_block = 0 FORMAT Null";

    private final Process process;
    private final int httpPort;
    private final int tcpPort;

    private LocalClickHouse(Process process, int httpPort, int tcpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
    }

    public static LocalClickHouse start(int httpPort, int tcpPort, Path dataDirectory) {
        LoopbackPorts.requireFree("ClickHouse", List.of(httpPort, tcpPort));
        ChdbInstallation chdb = ChdbInstallation.ensureInstalled();
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            Path logFile = logFile(dataDirectory);
            Process process = new ProcessBuilder(List.of(chdb.launcher().toString(), chdb.library().toString(),
                    "--multiquery", "--query=" + SERVE, "--path=" + dataDirectory.resolve("data"),
                    "--listen_host=127.0.0.1", "--http_port=" + httpPort, "--tcp_port=" + tcpPort))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalClickHouse clickHouse = new LocalClickHouse(process, httpPort, tcpPort);
            clickHouse.awaitReady(Duration.ofSeconds(90), logFile);
            log.info("ClickHouse {} listening on 127.0.0.1 http {} / native {} in {} ms (data in {})",
                    clickHouse.query("SELECT version()"), httpPort, tcpPort, (System.nanoTime() - began) / 1_000_000,
                    dataDirectory);
            return clickHouse;
        } catch (IOException e) {
            throw new UncheckedIOException("ClickHouse did not start on port " + httpPort, e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** A JDBC URL for the official ClickHouse driver (HTTP protocol). */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://127.0.0.1:" + httpPort + "/" + database;
    }

    /** Runs one statement over HTTP and returns its tab-separated answer, trimmed. */
    public String query(String sql) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/"))
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** False once the server process has exited (crashed, killed, closed). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's log file under its data directory. */
    public static Path logFile(Path dataDirectory) {
        return dataDirectory.resolve("clickhouse.log");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("ClickHouse on port {} stopped", httpPort);
    }

    private void awaitReady(Duration timeout, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ClickHouse exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> ping = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ping.statusCode() == 200) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("ClickHouse was not ready after " + timeout + "; see " + logFile);
    }
}
