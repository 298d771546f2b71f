package org.rainbow.pipeline.model;

import java.util.List;

import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.pipeline.warehouse.WarehouseException;

/** Runs a rendered data test: its rows are failures; the first few are kept for the report. */
public final class DataTestRunner {

    static final int FAILING_ROWS_REPORTED = 5;

    private final Warehouse warehouse;

    public DataTestRunner(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public TestResult run(String name, String sql) {
        try {
            long failures = warehouse.count(sql);
            return new TestResult(name, failures,
                    failures == 0 ? List.of() : warehouse.query(sql, FAILING_ROWS_REPORTED).rows(), null, sql);
        } catch (WarehouseException e) {
            return new TestResult(name, 0, List.of(), e.getMessage(), sql);
        }
    }
}
