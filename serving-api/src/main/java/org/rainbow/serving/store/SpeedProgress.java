package org.rainbow.serving.store;

import java.time.Instant;

/**
 * How far the speed tables have got: the newest change written, when PostgreSQL committed it and when the
 * sink wrote it. Both are {@code null} while the speed tables are empty.
 */
public record SpeedProgress(Instant latestCommittedAt, Instant latestWrittenAt) {
}
