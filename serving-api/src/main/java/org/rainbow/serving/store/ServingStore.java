package org.rainbow.serving.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;

/**
 * The port to the serving store: unified sales (batch views before the watermark of the loaded export,
 * speed tables from it, see {@link UnifiedSalesSql}), and loading of batch exports. Days or keys without
 * sales are absent from the maps.
 */
public interface ServingStore extends AutoCloseable {

    /** Per day of {@code [from, to]}. */
    Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to);

    /** Per key of {@code breakdown} (not {@link Breakdown#DAY}), summed over {@code [from, to]}. */
    Map<Long, SalesTotals> salesBy(Breakdown breakdown, LocalDate from, LocalDate to);

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
