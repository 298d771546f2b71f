package org.rainbow.serving.store.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Opens the serving store's DuckDB file: the one place of serving-api that names DuckDB's JDBC URL, typed as
 * DuckDB's own connection so that {@code EngineIsolationTest} sees the adapter's use of the engine.
 */
public final class DuckDbConnections {

    private DuckDbConnections() {
    }

    /** The database file at {@code file} (an absolute path), created if missing. */
    public static DuckDBConnection open(Path file) throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
    }
}
