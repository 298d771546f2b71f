package org.rainbow.architecture.violations.elsewhere;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.rainbow.architecture.violations.adapter.DuckDbConnections;

/** Uses DuckDB's own type outside the adapter. */
public final class EngineTypeOutsideTheAdapter {

    private EngineTypeOutsideTheAdapter() {
    }

    public static DuckDBConnection copy() throws SQLException {
        return DuckDbConnections.inMemory().duplicate();
    }
}
