package org.rainbow.pipeline.warehouse.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Opens the warehouse's DuckDB databases: the one place of this adapter that names DuckDB's JDBC URL, typed as
 * DuckDB's own connection so that the engine rules of {@code EngineIsolationTest} see the adapter's use.
 */
public final class DuckDbConnections {

    private static final String URL = "jdbc:duckdb:";

    private DuckDbConnections() {
    }

    /** The database file at {@code file} (an absolute path), created if missing. */
    public static DuckDBConnection open(Path file) throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection(URL + file);
    }

    public static DuckDBConnection inMemory() throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection(URL);
    }
}
