package org.rainbow.serving.store.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.rainbow.serving.store.BatchTables;
import org.rainbow.serving.store.ExportSteps;
import org.rainbow.serving.store.SqlDialect;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;

/**
 * An export's rows go to its own partition of each batch table, unseen until its row in {@code exports} is inserted;
 * every insert carries a deduplication token (the export, view and part), so two instances loading the same export
 * insert it once. Older exports are dropped a partition at a time.
 */
final class ClickHouseExportSteps implements ExportSteps {

    /** Exports kept: the served one and the one before, which a query that began before a load may still read. */
    private static final int KEPT_EXPORTS = 2;

    private final ClickHouseStatements statements;
    private final SqlDialect sql;
    private final ClickHouseServedExport served;

    ClickHouseExportSteps(ClickHouseStatements statements, SqlDialect sql, ClickHouseServedExport served) {
        this.statements = statements;
        this.sql = sql;
        this.served = served;
    }

    @Override
    public ExportWrite begin(BatchExport export, ObjectStorage storage) {
        return new ExportWrite() {
            @Override
            public long write(BatchViews.View view, List<String> keys) {
                for (int part = 0; part < keys.size(); part++) {
                    try (InputStream parquet = storage.open(keys.get(part))) {
                        statements.insertParquet(sql.batchTable(view.name()), BatchViews.columnNames(view), parquet,
                                export.exportId() + "/" + view.name() + "/" + part);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + keys.get(part) + ": " + e.getMessage(), e);
                    }
                }
                return statements.select("select count() as n from " + sql.batchTable(view.name())
                        + " where export_id = '" + export.exportId() + "'").get(0).getLong("n");
            }

            @Override
            public void publish() {
                statements.execute("insert into " + sql.batchTable(BatchTables.EXPORTS)
                        + " settings insert_deduplication_token = '" + export.exportId() + "/exports' values ('"
                        + export.exportId() + "', " + sql.timestampLiteral(export.watermark()) + ", "
                        + sql.timestampLiteral(export.exportedAt()) + ", " + sql.dateLiteral(export.partition())
                        + ", now64(6))");
                served.forget();
            }

            /** An export not published stays in its partitions unseen; loading it again inserts nothing twice. */
            @Override
            public void close() {
            }
        };
    }

    @Override
    public void dropExportsBefore(String exportId) {
        List<String> older = statements.select("select distinct export_id from " + sql.batchTable(BatchTables.EXPORTS)
                        + " where export_id < '" + exportId + "' order by export_id desc").stream()
                .map(r -> r.getString("export_id")).skip(KEPT_EXPORTS - 1).toList();
        for (String dropped : older) {
            for (BatchViews.View view : BatchViews.ALL) {
                statements.execute("alter table " + sql.batchTable(view.name()) + " drop partition '" + dropped + "'");
            }
        }
    }
}
