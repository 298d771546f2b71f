package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;

/** The batch export the store serves: batch views are trusted for every day before {@code watermark}. */
public record LoadedExport(String exportId, Instant watermark, Instant exportedAt, LocalDate partition,
                           Instant loadedAt) {

    /** Whether this is {@code exportId} or a later export (ids sort in export order). */
    public boolean isAtLeast(String exportId) {
        return this.exportId.compareTo(exportId) >= 0;
    }
}
