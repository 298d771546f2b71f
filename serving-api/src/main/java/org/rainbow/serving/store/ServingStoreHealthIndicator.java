package org.rainbow.serving.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP when the serving store answers; tells which batch export it serves and its watermark. */
@Component("servingStoreHealth")
class ServingStoreHealthIndicator implements HealthIndicator {

    private final ServingStore store;

    ServingStoreHealthIndicator(ServingStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            return store.currentExport()
                    .map(e -> Health.up().withDetail("export", e.exportId()).withDetail("watermark", e.watermark().toString()))
                    .orElseGet(() -> Health.up().withDetail("export", "none yet: every day is served from the speed tables"))
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
