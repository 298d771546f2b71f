package org.rainbow.bridge.capture;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens JDBC connections to the captured database, as the capture login: the one place of stream-bridge that
 * uses the PostgreSQL driver's types (Debezium opens its own replication connection from the same settings).
 */
public final class SourceConnections {

    private SourceConnections() {
    }

    public static Connection open(CaptureProperties properties) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {properties.host()});
        dataSource.setPortNumbers(new int[] {properties.port()});
        dataSource.setDatabaseName(properties.database());
        dataSource.setUser(properties.user());
        dataSource.setPassword(properties.password());
        return dataSource.getConnection();
    }
}
