package org.rainbow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.LocalPostgres.PostgresSettings;

/**
 * The local stack's PostgreSQL under supervision. The server daemonizes (the launcher is not its parent), so
 * it is watched through the postmaster's pid; a restart runs crash recovery on the same data directory.
 */
final class PostgresEngine implements Supervised {

    private final PostgresSettings settings;
    private final Consumer<LocalPostgres> prepare;
    private volatile LocalPostgres server;
    private volatile long postmasterPid = -1;

    /** {@code prepare} runs after every start: logins and databases the services expect. */
    PostgresEngine(PostgresSettings settings, Consumer<LocalPostgres> prepare) {
        this.settings = settings;
        this.prepare = prepare;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            server.close(); // a crashed server's instance still holds the data directory's lock
        }
        server = LocalPostgres.start(settings);
        postmasterPid = readPostmasterPid();
        prepare.accept(server);
    }

    LocalPostgres server() {
        return server;
    }

    @Override
    public boolean ready() {
        return alive() && Readiness.port(settings.port()).getAsBoolean();
    }

    @Override
    public boolean alive() {
        return postmasterPid > 0 && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public OptionalLong pid() {
        return postmasterPid > 0 ? OptionalLong.of(postmasterPid) : OptionalLong.empty();
    }

    @Override
    public String exitDescription() {
        return alive() ? "running" : "postmaster " + postmasterPid + " is gone";
    }

    @Override
    public Path log() {
        return settings.dataDirectory().resolve("log/postgresql.log");
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (server != null && alive()) {
            server.close();
        }
    }

    private long readPostmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(settings.dataDirectory().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started but left no readable postmaster.pid", e);
        }
    }
}
