package org.rainbow.pipeline.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of an asset check (a data test on the model {@code asset}) for one partition: how many rows
 * failed it, the first of them, or the error that stopped it.
 */
public record CheckResult(String check, String asset, LocalDate partition, Long runId, Status status,
                          long failingRows, List<Map<String, Object>> sample, String message, Instant evaluatedAt) {

    public CheckResult {
        sample = List.copyOf(sample);
    }

    public enum Status { PASSED, FAILED, ERROR }
}
