package org.rainbow.serving.batch;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Serves each batch export the pipeline publishes: looks at the pointer every poll interval and loads a newer
 * export into the store. A failed load is logged and tried again at the next look; the store keeps serving
 * the previous export meanwhile.
 */
@Service
public class BatchExportLoader {

    private static final Logger log = LoggerFactory.getLogger(BatchExportLoader.class);

    private final BatchExports exports;
    private final ObjectStorage storage;
    private final ServingStore store;
    private final ExportLoadProperties properties;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private String compactedFor;

    BatchExportLoader(BatchExports exports, ObjectStorage storage, ServingStore store, ExportLoadProperties properties,
                      MeterRegistry meters) {
        this.exports = exports;
        this.storage = storage;
        this.store = store;
        this.properties = properties;
        meters.gauge("rainbow.serving.watermark.seconds", this,
                loader -> store.currentExport().map(e -> (double) e.watermark().getEpochSecond()).orElse(0.0));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${rainbow.serving.exports.poll-interval:5s}")
    void poll() {
        if (!properties.loadEnabled()) {
            return;
        }
        try {
            loadLatest();
            lastFailure.set(null);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastFailure.getAndSet(String.valueOf(e.getMessage())))) {
                log.warn("loading the latest batch export failed (tried again every {}): {}",
                        properties.pollInterval(), e.getMessage());
            }
        }
    }

    /**
     * Loads the newest published export (the store skips one it already serves), then lets the speed tables forget
     * what the served export holds, once per export served; returns what the store serves.
     */
    public synchronized Optional<LoadedExport> loadLatest() {
        exports.latest().ifPresent(latest -> store.load(latest, storage));
        Optional<LoadedExport> served = store.currentExport();
        served.filter(export -> !export.exportId().equals(compactedFor)).ifPresent(export -> {
            long began = System.nanoTime();
            SpeedRows rows = store.compactSpeed();
            compactedFor = export.exportId();
            log.info("speed tables compacted to the watermark {} of export {} in {} ms: {} order rows, {} line rows left",
                    export.watermark(), export.exportId(), (System.nanoTime() - began) / 1_000_000, rows.orders(),
                    rows.orderLines());
        });
        return served;
    }
}
