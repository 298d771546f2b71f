package org.rainbow.serving.store;

import java.util.Optional;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a batch export becomes the served one, on every engine ({@link ServingStore#load}): an export the store
 * already serves (or a later one) is skipped, one with an earlier watermark refused; each view of
 * {@link BatchViews#ALL} is written and its rows checked against the export's manifest; then the export is published
 * and the exports no reader needs are dropped. The engine's {@link ExportSteps} make each step atomic or idempotent,
 * so a load may be repeated, fail half-way or run in two instances at once.
 */
public final class ExportLoading {

    private static final Logger log = LoggerFactory.getLogger(ExportLoading.class);

    private final StoreStatus status;
    private final ExportSteps steps;

    public ExportLoading(StoreStatus status, ExportSteps steps) {
        this.status = status;
        this.steps = steps;
    }

    public void load(BatchExport export, ObjectStorage storage) {
        // Asked of the store, not of a cache: another instance may have loaded an export meanwhile.
        Optional<LoadedExport> served = status.servedExport();
        if (served.filter(s -> s.isAtLeast(export.exportId())).isPresent()) {
            return;
        }
        served.ifPresent(s -> s.refuseEarlier(export.exportId(), export.watermark()));
        try (ExportSteps.ExportWrite write = steps.begin(export, storage)) {
            for (BatchViews.View view : BatchViews.ALL) {
                BatchExport.View exported = export.view(view.name());
                long rows = write.write(view, exported.keys());
                if (rows != exported.rows()) {
                    throw new IllegalStateException("export " + export.exportId() + " view " + view.name() + " holds "
                            + rows + " rows in the serving store, its manifest says " + exported.rows());
                }
            }
            write.publish();
        }
        steps.dropExportsBefore(export.exportId());
        log.info("serving batch export {} (watermark {})", export.exportId(), export.watermark());
    }
}
