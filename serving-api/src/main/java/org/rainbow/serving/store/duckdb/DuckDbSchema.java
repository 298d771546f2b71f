package org.rainbow.serving.store.duckdb;

import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.serving.store.UnifiedSalesSql;
import org.rainbow.storage.export.BatchViews;

/** The store's tables and views: the batch views' tables and the export pointer in schema {@code batch}, the unified views. */
final class DuckDbSchema {

    private final DuckDbConnectionPool pool;
    private final SqlDialect sql;
    private volatile boolean viewsCreated;

    DuckDbSchema(DuckDbConnectionPool pool, SqlDialect sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** The batch tables; a column a newer release exports is added to an existing table, its rows get it with the next export. */
    void createBatchTables() {
        pool.withConnection(connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create schema if not exists batch");
                for (BatchViews.View view : BatchViews.ALL) {
                    ddl.execute("create table if not exists " + sql.batchTable(view.name()) + " ("
                            + sql.columns(view.columns()) + ")");
                    for (BatchViews.Column column : view.columns()) {
                        ddl.execute("alter table " + sql.batchTable(view.name()) + " add column if not exists "
                                + sql.columns(List.of(column)));
                    }
                }
                ddl.execute("create table if not exists " + sql.batchTable(BatchTables.EXPORTS) + " ("
                        + sql.columns(BatchTables.EXPORT_COLUMNS) + ", primary key (export_id))");
            }
            return null;
        });
    }

    /**
     * The unified views, as table macros, for SQL clients: DuckDB binds a macro's tables when it is created, and the
     * speed tables are created by the speed sink, which may start after this store. So the first query creates them.
     */
    void createViewsOnce() {
        if (viewsCreated) {
            return;
        }
        synchronized (this) {
            if (!viewsCreated) {
                pool.withConnection(connection -> {
                    try (Statement ddl = connection.createStatement()) {
                        for (Map.Entry<String, String> view : UnifiedSalesSql.views(sql).entrySet()) {
                            ddl.execute(sql.createView(view.getKey(), view.getValue()));
                        }
                    }
                    return null;
                });
                viewsCreated = true;
            }
        }
    }
}
