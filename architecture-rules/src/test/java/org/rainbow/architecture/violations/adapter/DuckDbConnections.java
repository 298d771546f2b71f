package org.rainbow.architecture.violations.adapter;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** A compliant opener: the adapter's one place that opens DuckDB, through DuckDB's own connection type. */
public final class DuckDbConnections {

    private DuckDbConnections() {
    }

    public static DuckDBConnection inMemory() throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    }
}
