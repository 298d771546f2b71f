package org.rainbow.pipeline.extract;

import java.util.List;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.pipeline.warehouse.Relation;

/** The Rainbow tables the master dataset holds: the source tables, in dependency order (referenced tables first). */
public final class RawTables {

    public static final List<String> ALL = RainbowTables.ALL.stream().map(CapturedTable::name).toList();

    private RawTables() {
    }

    /** Where the warehouse keeps every loaded version of {@code table}: the schema the models' sources name. */
    public static Relation relation(String table) {
        return new Relation("raw", table);
    }

    /** {@code raw/<table>/dt=<date>/}: the folder of one table's partition. */
    public static String partitionPrefix(String table, java.time.LocalDate day) {
        return "raw/" + table + "/dt=" + day + "/";
    }
}
