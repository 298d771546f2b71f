package org.rainbow.serving.store;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the store holds: the export it serves, how far the speed tables have got and how many rows they keep. */
public final class StoreStatus {

    private final SqlDialect sql;
    private final RowReader reader;

    public StoreStatus(SqlDialect sql, RowReader reader) {
        this.sql = sql;
        this.reader = reader;
    }

    /** The served export: the newest recorded in {@link BatchTables#EXPORTS}. */
    public Optional<LoadedExport> servedExport() {
        List<LoadedExport> served = new ArrayList<>(1);
        reader.read("select export_id, watermark, exported_at, partition_date, loaded_at from "
                        + sql.batchTable(BatchTables.EXPORTS) + " order by export_id desc limit 1",
                row -> served.add(new LoadedExport(row.text("export_id"), row.instant("watermark"),
                        row.instant("exported_at"), row.date("partition_date"), row.instant("loaded_at"))));
        return served.stream().findFirst();
    }

    /** The epoch stands for "none" where the engine's {@code max} of no rows is the type's zero (ClickHouse). */
    public SpeedProgress speedProgress() {
        List<SpeedProgress> progress = new ArrayList<>(1);
        reader.read(("select nullIf(max(%1$s), %3$s) as committed, nullIf(max(%2$s), %3$s) as written from ("
                        + "select %1$s, %2$s from %4$s union all select %1$s, %2$s from %5$s) as changes").formatted(
                        COMMITTED_AT, WRITTEN_AT, sql.timestampLiteral(Instant.EPOCH), sql.speedTable("orders"),
                        sql.speedTable("order_details")),
                row -> progress.add(new SpeedProgress(row.instant("committed"), row.instant("written"))));
        return progress.get(0);
    }

    public SpeedRows speedRows() {
        List<SpeedRows> rows = new ArrayList<>(1);
        reader.read("select (select count(*) from " + sql.speedTable("orders") + ") as order_rows, (select count(*) from "
                        + sql.speedTable("order_details") + ") as line_rows",
                row -> rows.add(new SpeedRows(row.bigint("order_rows"), row.bigint("line_rows"))));
        return rows.get(0);
    }
}
