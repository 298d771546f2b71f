package org.rainbow.serving.store.clickhouse;

import java.util.UUID;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SpeedCompactionSql;
import org.rainbow.serving.store.SqlDialect;

/**
 * Lightweight deletes: concurrent inserts of the sink are untouched, a second instance's run finds nothing. The
 * scratch table's name is this run's own, so two instances compacting at once do not share one.
 */
final class ClickHouseSpeedCompaction {

    private final ClickHouseStatements statements;
    private final SqlDialect sql;

    ClickHouseSpeedCompaction(ClickHouseStatements statements, SqlDialect sql) {
        this.statements = statements;
        this.sql = sql;
    }

    void compactTo(LoadedExport served) {
        SpeedCompactionSql.Run run = SpeedCompactionSql.run(sql, served.exportId(), served.watermark(),
                "settled_orders_" + UUID.randomUUID().toString().replace("-", ""));
        statements.execute(run.settle());
        try {
            run.deletes().forEach(statements::execute);
        } finally {
            statements.execute(run.cleanUp());
        }
        // A lightweight delete only masks rows; rewriting the parts without them keeps scans and disk small.
        for (String table : run.tables()) {
            statements.execute("alter table " + sql.speedTable(table) + " apply deleted mask");
        }
    }
}
