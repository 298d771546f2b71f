package org.rainbow.engines.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real ClickHouse per test JVM on fixed loopback ports (HTTP 28123, native 29900), shared by every
 * test class; each class works in a database of its own via {@link #freshDatabase(String)}.
 */
public final class ClickHouseFixture {

    private static LocalClickHouse server;

    private ClickHouseFixture() {
    }

    public static synchronized LocalClickHouse shared() {
        if (server == null) {
            try {
                server = LocalClickHouse.start(28123, 29900, Files.createTempDirectory("rainbow-clickhouse"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "clickhouse-fixture-stop"));
        }
        return server;
    }

    /** Drops and re-creates {@code database} and returns its JDBC URL. */
    public static String freshDatabase(String database) {
        LocalClickHouse clickHouse = shared();
        clickHouse.query("DROP DATABASE IF EXISTS " + database + " SYNC");
        clickHouse.query("CREATE DATABASE " + database);
        return clickHouse.jdbcUrl(database);
    }
}
