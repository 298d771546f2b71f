package org.rainbow.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.rainbow.engines.postgres.PostgresFixture;

/** A fresh PostgreSQL database with the Rainbow schema, taken from rainbow-api's migration (the one source of truth). */
final class RainbowSchema {

    private static final Path MIGRATION = Path.of("../rainbow-api/src/main/resources/db/migration/V1__order_schema.sql");

    private RainbowSchema() {
    }

    static void create(String database) {
        PostgresFixture.freshDatabase(database);
        try (Connection connection = PostgresFixture.shared().connect(database);
             Statement sql = connection.createStatement()) {
            sql.execute(Files.readString(MIGRATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
