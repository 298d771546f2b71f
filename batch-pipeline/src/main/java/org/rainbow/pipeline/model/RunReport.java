package org.rainbow.pipeline.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per model: materialization, status, rows, duration and data tests; plus the rows of failed tests. */
public record RunReport(List<ModelResult> models) {

    public RunReport {
        models = List.copyOf(models);
    }

    public boolean succeeded() {
        return models.stream().allMatch(m -> m.status() == ModelStatus.SUCCESS);
    }

    public Optional<ModelResult> result(String model) {
        return models.stream().filter(m -> m.model().equals(model)).findFirst();
    }

    /** A table for logs and the console, failing rows of each failed test below it. */
    public String format() {
        StringBuilder out = new StringBuilder(String.format("%-22s %-12s %-12s %10s %10s  %s%n",
                "model", "materialized", "status", "rows", "duration", "tests"));
        for (ModelResult m : models) {
            out.append(String.format("%-22s %-12s %-12s %10s %9dms  %d passed, %d failed%n", m.model(),
                    m.materialization(), m.status(), m.rows() == null ? "-" : m.rows(), m.duration().toMillis(),
                    m.testsPassed(), m.testsFailed()));
        }
        for (ModelResult m : models) {
            if (m.message() != null) {
                out.append(m.model()).append(": ").append(m.message()).append('\n');
            }
            for (TestResult t : m.tests()) {
                if (!t.passed()) {
                    out.append("FAIL ").append(t.name()).append(" (").append(m.model()).append("): ")
                            .append(t.error() != null ? t.error() : t.failures() + " failing rows").append('\n');
                    for (Map<String, Object> row : t.failingRows()) {
                        out.append("    ").append(row).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
