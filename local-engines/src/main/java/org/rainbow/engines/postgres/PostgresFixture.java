package org.rainbow.engines.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL per test JVM, shared by every test class; each class takes a database of its own
 * with {@link #freshDatabase(String)}. fsync is off here (a test never survives a power cut), commits
 * stay synchronous so what a test wrote is what change capture sees.
 */
public final class PostgresFixture {

    private static LocalPostgres server;

    private PostgresFixture() {
    }

    public static synchronized LocalPostgres shared() {
        if (server == null) {
            server = LocalPostgres.start(new LocalPostgres.PostgresSettings(0, tempDirectory("rainbow-pg-data"),
                    binariesDirectory(), "rainbow", "rainbow", "rainbow", false));
            for (ServiceRole role : ServiceRole.values()) {
                server.ensureLogin(role, password(role));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-fixture-stop"));
        }
        return server;
    }

    /** The test password of a service's login on the shared server (a throw-away cluster on loopback). */
    public static String password(ServiceRole role) {
        return role.roleName() + "-test-password";
    }

    /** Drops and re-creates {@code database} on the shared server and returns its JDBC URL. */
    public static String freshDatabase(String database) {
        return shared().recreateDatabase(database);
    }

    /** Binaries are unpacked once per machine, not once per test run. */
    private static Path binariesDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries");
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
