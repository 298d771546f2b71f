package org.rainbow.pipeline.extract;

import java.util.List;

/** The Rainbow tables the master dataset holds, in dependency order (referenced tables first). */
public final class RawTables {

    public static final List<String> ALL = List.of("payments", "sellers", "customers", "products", "promotions",
            "orders", "order_details");

    private RawTables() {
    }

    /** {@code raw/<table>/dt=<date>/}: the folder of one table's partition. */
    public static String partitionPrefix(String table, java.time.LocalDate day) {
        return "raw/" + table + "/dt=" + day + "/";
    }
}
