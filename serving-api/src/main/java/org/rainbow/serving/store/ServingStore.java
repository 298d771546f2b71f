package org.rainbow.serving.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;

/**
 * The port to the serving store: unified sales (batch views before the watermark of the loaded export,
 * speed tables from it), answered by the store's unified views ({@link UnifiedSalesSql}), and loading of batch
 * exports.
 */
public interface ServingStore extends AutoCloseable {

    /** Every day of {@code [from, to]}, in order, days without sales with zeros. */
    Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to);

    /**
     * The keys of {@code breakdown} (not {@link Breakdown#DAY}) with sales in {@code [from, to]}, best-selling first
     * (ties by key), at most {@code limit}.
     */
    List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit);

    Optional<LoadedExport> currentExport();

    SpeedProgress speedProgress();

    /**
     * Makes {@code export} the served one, reading its views from {@code storage}. Readers see the previous
     * export or the whole new one; loading the same export twice, even from two instances at once, changes nothing.
     * An export whose watermark is before the served one's is refused ({@link LoadedExport#refuseEarlier}).
     */
    void load(BatchExport export, ObjectStorage storage);

    /**
     * Forgets the speed rows the served export makes redundant ({@link SpeedCompactionSql}); safe to repeat and to
     * run from several instances. Returns what the speed tables hold afterwards.
     */
    SpeedRows compactSpeed();

    SpeedRows speedRows();

    @Override
    void close();
}
