package org.rainbow.pipeline.extract;

import java.util.List;
import org.rainbow.pipeline.warehouse.Relation;

/** The Rainbow tables the master dataset holds, in dependency order (referenced tables first). */
public final class RawTables {

    public static final List<String> ALL = List.of("payments", "sellers", "customers", "products", "promotions",
            "orders", "order_details");

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
