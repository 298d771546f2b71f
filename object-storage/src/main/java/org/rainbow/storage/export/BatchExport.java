package org.rainbow.storage.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One export of the batch views: a consistent snapshot of every view, taken after the partition
 * {@code partition} was built, and the watermark that goes with it — every change before {@code watermark}
 * is in the snapshot. Stored as {@code views/exports/<exportId>/<view>/part-*.parquet} (one file, or several
 * when the warehouse splits its export); {@link BatchExports} publishes it.
 *
 * @param exportId   sorts in export order (UTC time of the export, {@code yyyyMMdd'T'HHmmssSSS'Z'})
 * @param views      per view name, its object keys and row count
 */
public record BatchExport(String exportId, Instant watermark, Instant exportedAt, LocalDate partition,
                          Map<String, View> views) {

    public record View(List<String> keys, long rows) {
    }

    /** The view {@code name} of this export; an export without it is broken, not empty. */
    public View view(String name) {
        View view = views.get(name);
        if (view == null) {
            throw new IllegalStateException("export " + exportId + " has no view " + name);
        }
        return view;
    }

    /** Where a view's files of an export go. */
    public static String viewPrefix(String exportId, String view) {
        return BatchExports.EXPORTS_PREFIX + exportId + "/" + view + "/";
    }
}
