package org.rainbow.pipeline.asset;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One materialization of one asset for one partition, by the run (job execution) {@code runId}: how it ended,
 * when, how long it took, and what it produced: {@code rows} (a table's rows, an incremental model's merged
 * rows, split into {@code inserted} and {@code updated}; null for a view), {@code bytes} (files written).
 * {@code message}: why it failed or was skipped.
 */
public record Materialization(String asset, LocalDate partition, Long runId, Status status, AssetKind kind,
                              Instant materializedAt, long durationMillis, Long rows, Long inserted, Long updated,
                              Long bytes, String message) {

    public enum Status { MATERIALIZED, FAILED, SKIPPED }
}
