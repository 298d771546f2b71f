package org.rainbow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.rainbow.engines.clickhouse.LocalClickHouse;

/** The local stack's ClickHouse serving store ({@code --serving=clickhouse}) under supervision. */
final class ClickHouseEngine implements Supervised {

    private final int httpPort;
    private final int tcpPort;
    private final Path dataDirectory;
    private volatile LocalClickHouse server;

    ClickHouseEngine(int httpPort, int tcpPort, Path dataDirectory) {
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public String name() {
        return "clickhouse";
    }

    @Override
    public synchronized void start() {
        server = LocalClickHouse.start(httpPort, tcpPort, dataDirectory);
    }

    @Override
    public boolean ready() {
        return alive() && Readiness.port(httpPort).getAsBoolean();
    }

    @Override
    public boolean alive() {
        LocalClickHouse running = server;
        return running != null && running.isAlive();
    }

    @Override
    public OptionalLong pid() {
        LocalClickHouse running = server;
        return running == null ? OptionalLong.empty() : OptionalLong.of(running.pid());
    }

    @Override
    public String exitDescription() {
        return alive() ? "running" : "the server process is gone";
    }

    @Override
    public Path log() {
        return LocalClickHouse.logFile(dataDirectory);
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (alive()) {
            server.close();
        }
    }
}
