package org.rainbow.serving.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;

/**
 * A serving store made of its engine's parts ({@link Parts}): the port is answered the same way on every engine, so
 * an engine's store only builds the parts and closes what it opened.
 */
public abstract class ComposedServingStore implements ServingStore {

    private final Parts parts;

    protected ComposedServingStore(Parts parts) {
        this.parts = parts;
    }

    @Override
    public Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to) {
        return parts.sales().dailySales(from, to);
    }

    @Override
    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        return parts.sales().salesBy(breakdown, from, to, limit);
    }

    @Override
    public Optional<LoadedExport> currentExport() {
        return parts.served().get();
    }

    @Override
    public SpeedProgress speedProgress() {
        return parts.status().speedProgress();
    }

    @Override
    public void load(BatchExport export, ObjectStorage storage) {
        parts.loading().load(export, storage);
    }

    /** Compacts to the export the store holds now, not to a cached one. */
    @Override
    public SpeedRows compactSpeed() {
        parts.status().servedExport().ifPresent(parts.compaction());
        return parts.status().speedRows();
    }

    @Override
    public SpeedRows speedRows() {
        return parts.status().speedRows();
    }

    /**
     * An engine's parts: its status queries, the served export as queries take it (the engine may keep it a while),
     * the routes' queries, export loading and compaction to a served export.
     */
    public record Parts(StoreStatus status, Supplier<Optional<LoadedExport>> served, SalesQueries sales,
                        ExportLoading loading, Consumer<LoadedExport> compaction) {
    }
}
