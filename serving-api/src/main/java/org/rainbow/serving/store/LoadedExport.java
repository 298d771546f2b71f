package org.rainbow.serving.store;

import java.time.Instant;
import java.time.LocalDate;

/** The batch export the store serves: batch views are trusted for every day before {@code watermark}. */
public record LoadedExport(String exportId, Instant watermark, Instant exportedAt, LocalDate partition,
                           Instant loadedAt) {

    /**
     * Refuses to replace this export by one with an earlier watermark: the speed tables have forgotten the rows
     * of orders settled before this one's watermark ({@link SpeedCompactionSql}), which that export would need.
     * Serving this export meanwhile stays exact; the next export that reaches its watermark is served.
     */
    public void refuseEarlier(String exportId, Instant watermark) {
        if (watermark.isBefore(this.watermark)) {
            throw new IllegalStateException("export " + exportId + " ends at " + watermark + ", before the served export "
                    + this.exportId + " (" + this.watermark + "): kept serving " + this.exportId);
        }
    }

    /** Whether this is {@code exportId} or a later export (ids sort in export order). */
    public boolean isAtLeast(String exportId) {
        return this.exportId.compareTo(exportId) >= 0;
    }
}
