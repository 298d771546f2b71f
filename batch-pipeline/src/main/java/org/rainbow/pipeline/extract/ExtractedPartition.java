package org.rainbow.pipeline.extract;

import java.time.Duration;
import java.time.LocalDate;

/** What one extract wrote: the object, its row and byte counts, and how long it took. */
public record ExtractedPartition(String table, LocalDate day, String key, long rows, long bytes, Duration duration) {
}
