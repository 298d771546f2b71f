package org.rainbow.bridge.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;

/**
 * Checks, before capture starts, that PostgreSQL is prepared for it: the publication over exactly the Rainbow
 * tables and the heartbeat table, and {@code REPLICA IDENTITY FULL} on every Rainbow table (a delete carries
 * the whole old row, which the speed views need to subtract it from the right day). The capture login has no
 * right to change either: the admin prepares both in rainbow-api's migration {@code V4__service_roles.sql}.
 */
final class PublicationCheck {

    static final String PUBLICATION = "rainbow_speed";
    static final String HEARTBEAT_TABLE = "rainbow_cdc_heartbeat";
    /** Run by Debezium on every heartbeat: a real change in the captured database moves the slot even when it is idle. */
    static final String HEARTBEAT_QUERY = "INSERT INTO " + HEARTBEAT_TABLE + " (id, beat_at) VALUES (1, now())"
            + " ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at";

    private PublicationCheck() {
    }

    static void verify(CaptureProperties properties) {
        String database = properties.host() + ":" + properties.port() + "/" + properties.database();
        List<String> problems = new ArrayList<>();
        try (Connection connection = SourceConnections.open(properties);
             PreparedStatement published = connection.prepareStatement(
                     "select 1 from pg_publication_tables where pubname = ? and schemaname = 'public' and tablename = ?");
             PreparedStatement identity = connection.prepareStatement(
                     "select relreplident from pg_class where oid = to_regclass(?)")) {
            for (String table : publishedTables()) {
                published.setString(1, PUBLICATION);
                published.setString(2, table.substring("public.".length()));
                try (ResultSet row = published.executeQuery()) {
                    if (!row.next()) {
                        problems.add("publication " + PUBLICATION + " does not list " + table);
                    }
                }
            }
            for (CapturedTable table : RainbowTables.ALL) {
                identity.setString(1, "public." + table.name());
                try (ResultSet row = identity.executeQuery()) {
                    if (!row.next() || !"f".equals(row.getString(1))) {
                        problems.add("public." + table.name() + " lacks REPLICA IDENTITY FULL");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check " + database + " for change capture as " + properties.user(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("PostgreSQL is not prepared for change capture (" + String.join("; ", problems)
                    + "): run rainbow-api's migrations (V4__service_roles.sql) as the admin login first");
        }
    }

    /** Schema-qualified names of the published tables: Debezium's {@code table.include.list}. */
    static List<String> publishedTables() {
        return Stream.concat(RainbowTables.ALL.stream().map(CapturedTable::name), Stream.of(HEARTBEAT_TABLE))
                .map(name -> "public." + name).toList();
    }
}
