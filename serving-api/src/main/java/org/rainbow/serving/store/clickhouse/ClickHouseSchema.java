package org.rainbow.serving.store.clickhouse;

import java.util.List;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.serving.store.UnifiedSalesSql;
import org.rainbow.storage.export.BatchViews;

/**
 * The batch views' tables in {@code database}, partitioned by export, each insert deduplicated by its token; the
 * export pointer {@code exports}; the unified views as parameterized views.
 */
final class ClickHouseSchema {

    private final ClickHouseStatements statements;
    private final SqlDialect sql;

    ClickHouseSchema(ClickHouseStatements statements, SqlDialect sql) {
        this.statements = statements;
        this.sql = sql;
    }

    /**
     * The batch tables (a column a newer release exports is added to an existing table; its rows get it with the
     * next export), then the unified views: a parameterized view is checked when called, not when created, so it
     * does not wait for stream-bridge to create the speed tables.
     */
    void create(String database) {
        statements.execute("create database if not exists " + database);
        for (BatchViews.View view : BatchViews.ALL) {
            statements.execute("create table if not exists " + sql.batchTable(view.name()) + " ("
                    + sql.columns(view.columns()) + ") engine = MergeTree partition by export_id order by ("
                    + String.join(", ", view.sortKey()) + ") settings non_replicated_deduplication_window = 1000");
            for (BatchViews.Column column : view.columns()) {
                statements.execute("alter table " + sql.batchTable(view.name()) + " add column if not exists "
                        + sql.columns(List.of(column)));
            }
        }
        statements.execute("create table if not exists " + sql.batchTable(BatchTables.EXPORTS) + " ("
                + sql.columns(BatchTables.EXPORT_COLUMNS) + ") engine = MergeTree order by export_id"
                + " settings non_replicated_deduplication_window = 1000");
        UnifiedSalesSql.views(sql).forEach((name, select) -> statements.execute(sql.createView(name, select)));
    }
}
