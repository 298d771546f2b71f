package org.rainbow.pipeline.model;

import java.time.Duration;
import java.util.List;

/**
 * One model's line of the run report. {@code rows}: rows in the built table, or merged by an incremental
 * run; {@code null} for views and models that did not run.
 */
public record ModelResult(String model, Materialization materialization, ModelStatus status, Long rows,
        Duration duration, List<TestResult> tests, String message) {

    public ModelResult {
        tests = List.copyOf(tests);
    }

    public long testsPassed() {
        return tests.stream().filter(TestResult::passed).count();
    }

    public long testsFailed() {
        return tests.size() - testsPassed();
    }
}
