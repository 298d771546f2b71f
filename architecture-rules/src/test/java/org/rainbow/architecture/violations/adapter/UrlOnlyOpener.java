package org.rainbow.architecture.violations.adapter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** An opener as the adapters had them: a URL string and java.sql types only, invisible to the engine rule. */
public final class UrlOnlyOpener {

    private UrlOnlyOpener() {
    }

    public static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}
