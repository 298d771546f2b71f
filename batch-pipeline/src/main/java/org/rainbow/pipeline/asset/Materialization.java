package org.rainbow.pipeline.asset;

import java.time.Instant;
import java.time.LocalDate;

/** The last materialization of one asset for one partition. */
public record Materialization(String asset, LocalDate partition, Status status, Instant materializedAt, long rows,
                              long bytes, long durationMillis, int checksPassed, int checksFailed, String message) {

    public enum Status { MATERIALIZED, FAILED }
}
