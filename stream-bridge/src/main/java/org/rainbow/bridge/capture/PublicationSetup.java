package org.rainbow.bridge.capture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.rainbow.bridge.table.CapturedTable;
import org.rainbow.bridge.table.RainbowTables;

/**
 * Prepares PostgreSQL for capture, idempotently: {@code REPLICA IDENTITY FULL} on every Rainbow table (so
 * a delete carries the whole old row, which the speed views need to subtract it from the right day), a
 * heartbeat table, and a publication over exactly these tables.
 */
final class PublicationSetup {

    static final String HEARTBEAT_TABLE = "rainbow_cdc_heartbeat";
    /** Run by Debezium on every heartbeat: a real change in the captured database moves the slot even when it is idle. */
    static final String HEARTBEAT_QUERY = "INSERT INTO " + HEARTBEAT_TABLE + " (id, beat_at) VALUES (1, now())"
            + " ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at";

    private PublicationSetup() {
    }

    static void apply(CaptureProperties properties) {
        String url = "jdbc:postgresql://" + properties.host() + ":" + properties.port() + "/" + properties.database();
        try (Connection connection = DriverManager.getConnection(url, properties.user(), properties.password());
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS " + HEARTBEAT_TABLE + " (id int PRIMARY KEY, beat_at timestamptz NOT NULL)");
            for (CapturedTable table : RainbowTables.ALL) {
                sql.execute("ALTER TABLE public." + table.name() + " REPLICA IDENTITY FULL");
            }
            String tables = String.join(", ", publishedTables());
            if (exists(sql, "SELECT 1 FROM pg_publication WHERE pubname = '" + properties.publicationName() + "'")) {
                sql.execute("ALTER PUBLICATION " + properties.publicationName() + " SET TABLE " + tables);
            } else {
                sql.execute("CREATE PUBLICATION " + properties.publicationName() + " FOR TABLE " + tables);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare " + url + " for change capture", e);
        }
    }

    /** Schema-qualified names of the published tables: Debezium's {@code table.include.list}. */
    static List<String> publishedTables() {
        return Stream.concat(RainbowTables.ALL.stream().map(CapturedTable::name), Stream.of(HEARTBEAT_TABLE))
                .map(name -> "public." + name).toList();
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}
