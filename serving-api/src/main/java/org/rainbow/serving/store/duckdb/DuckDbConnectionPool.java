package org.rainbow.serving.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A few connections to the store's database, one piece of work per connection at a time, all in UTC. */
final class DuckDbConnectionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbConnectionPool.class);
    private static final int CONNECTIONS = 4;

    private final DuckDBConnection database;
    private final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);

    DuckDbConnectionPool(DuckDBConnection database) throws SQLException {
        this.database = database;
        for (int i = 0; i < CONNECTIONS; i++) {
            Connection connection = database.duplicate();
            try (Statement sql = connection.createStatement()) {
                sql.execute("set TimeZone = 'UTC'");
            }
            connections.add(connection);
        }
    }

    /** Runs {@code work} on a connection of its own; an engine's error is the store's "cannot answer". */
    <T> T withConnection(SqlWork<T> work) {
        Connection connection = take();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB serving store: " + e.getMessage(), e);
        } finally {
            release(connection);
        }
    }

    /** A connection for a piece of work of several steps; {@link #release} gives it back. */
    Connection take() {
        try {
            return connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a DuckDB connection", e);
        }
    }

    void release(Connection connection) {
        connections.add(connection);
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = connections.poll()) != null) {
            closeQuietly(connection);
        }
        closeQuietly(database);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing a DuckDB connection failed: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
