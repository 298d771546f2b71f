package org.rainbow.speed.sink.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Opens the speed tables' DuckDB file: the one place of speed-store that names DuckDB's JDBC URL, typed as
 * DuckDB's own connection so that {@code SpeedStoreBoundariesTest} sees the adapter's use of the engine.
 */
final class DuckDbConnections {

    private DuckDbConnections() {
    }

    /** The database file at {@code file} (an absolute path), created if missing. */
    static DuckDBConnection open(Path file) throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
    }
}
