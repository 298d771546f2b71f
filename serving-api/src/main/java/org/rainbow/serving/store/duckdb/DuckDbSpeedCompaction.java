package org.rainbow.serving.store.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SpeedCompactionSql;
import org.rainbow.serving.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, in one transaction, what the served export makes redundant. The speed sink of this process writes
 * the same tables: a write that collides with a delete is retried by the sink, a compaction that collides is
 * rolled back and done at the next export.
 */
final class DuckDbSpeedCompaction {

    private static final Logger log = LoggerFactory.getLogger(DuckDbSpeedCompaction.class);

    private final DuckDbConnectionPool pool;
    private final SqlDialect sql;

    DuckDbSpeedCompaction(DuckDbConnectionPool pool, SqlDialect sql) {
        this.pool = pool;
        this.sql = sql;
    }

    void compactTo(LoadedExport served) {
        SpeedCompactionSql.Run run = SpeedCompactionSql.run(sql, served.exportId(), served.watermark(), "settled_orders");
        pool.withConnection(connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(run.settle());
                for (String delete : run.deletes()) {
                    statement.executeUpdate(delete);
                }
                statement.execute(run.cleanUp());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                log.warn("compacting the speed tables collided with a write; done at the next export: {}", e.getMessage());
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }
}
