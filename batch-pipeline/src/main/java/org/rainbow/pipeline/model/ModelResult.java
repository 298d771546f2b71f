package org.rainbow.pipeline.model;

import java.time.Duration;
import java.util.List;

/**
 * One model's line of the run report. {@code rows}: rows in the built table, or merged by an incremental run
 * ({@code inserted} + {@code updated}, which are null unless it merged); {@code null} for views and models that
 * did not run. {@code compiledSql}: the select it ran; {@code message}: why it failed or was skipped.
 */
public record ModelResult(String model, Materialization materialization, ModelStatus status, Long rows,
        Long inserted, Long updated, Duration duration, List<TestResult> tests, String compiledSql, String message) {

    public ModelResult {
        tests = List.copyOf(tests);
    }

    static ModelResult skipped(Model model, String reason) {
        return new ModelResult(model.name(), model.config().materialized(), ModelStatus.SKIPPED, null, null, null,
                Duration.ZERO, List.of(), null, "skipped: " + reason);
    }

    public long testsPassed() {
        return tests.stream().filter(TestResult::passed).count();
    }

    public long testsFailed() {
        return tests.size() - testsPassed();
    }
}
