package org.rainbow.storage.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One export of the batch views: a consistent snapshot of every view, taken after the partition
 * {@code partition} was built, and the watermark that goes with it — every change before {@code watermark}
 * is in the snapshot. Stored as {@code views/exports/<exportId>/<view>.parquet}; {@link BatchExports}
 * publishes it.
 *
 * @param exportId   sorts in export order (UTC time of the export, {@code yyyyMMdd'T'HHmmssSSS'Z'})
 * @param views      per view name, its object key and row count
 */
public record BatchExport(String exportId, Instant watermark, Instant exportedAt, LocalDate partition,
                          Map<String, View> views) {

    public record View(String key, long rows) {
    }

    public static String viewKey(String exportId, String view) {
        return BatchExports.EXPORTS_PREFIX + exportId + "/" + view + ".parquet";
    }
}
