package org.rainbow.serving.store.clickhouse;

import java.util.Optional;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.StoreStatus;

/**
 * The served export as the queries take it: known without asking for a second, since it changes at most once a
 * partition run, and an export another instance loaded is then seen within that time. Saves a round trip per query.
 */
final class ClickHouseServedExport {

    private static final long TTL_NANOS = 1_000_000_000L;

    private final StoreStatus status;
    private volatile Served served;

    ClickHouseServedExport(StoreStatus status) {
        this.status = status;
    }

    Optional<LoadedExport> current() {
        Served cached = served;
        if (cached != null && System.nanoTime() - cached.readAt() < TTL_NANOS) {
            return cached.export();
        }
        Optional<LoadedExport> export = status.servedExport();
        served = new Served(export, System.nanoTime());
        return export;
    }

    /** This instance has just published an export: the next query asks again. */
    void forget() {
        served = null;
    }

    private record Served(Optional<LoadedExport> export, long readAt) {
    }
}
