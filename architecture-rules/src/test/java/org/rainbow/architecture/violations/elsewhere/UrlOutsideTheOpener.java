package org.rainbow.architecture.violations.elsewhere;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens DuckDB from its URL outside the adapter: no DuckDB type in sight, only the call. */
public final class UrlOutsideTheOpener {

    private UrlOutsideTheOpener() {
    }

    public static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}
