package org.rainbow.pipeline.model;

import java.util.List;
import java.util.Map;

/** A data test's outcome: how many rows failed, the first of them, or the error that stopped it; and its SQL. */
public record TestResult(String name, long failures, List<Map<String, Object>> failingRows, String error, String sql) {

    public TestResult {
        failingRows = List.copyOf(failingRows);
    }

    public boolean passed() {
        return failures == 0 && error == null;
    }
}
