package org.rainbow.serving.sales;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SliceSales;
import org.rainbow.serving.store.SpeedProgress;
import org.springframework.stereotype.Service;

/** The use cases of the sales API: validate the range, ask the store, shape the answer. */
@Service
public class SalesQueryService {

    private final ServingStore store;
    private final SalesProperties properties;
    private final Clock clock;
    private final Map<Breakdown, Timer> timers = new EnumMap<>(Breakdown.class);

    public SalesQueryService(ServingStore store, SalesProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        for (Breakdown breakdown : Breakdown.values()) {
            timers.put(breakdown, Timer.builder("rainbow.serving.query")
                    .description("unified sales queries against the serving store")
                    .tag("breakdown", breakdown.name().toLowerCase()).publishPercentileHistogram().register(meters));
        }
    }

    public DateRange range(LocalDate from, LocalDate to) {
        return DateRange.of(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)), properties.defaultRangeDays(),
                properties.maxRangeDays());
    }

    /**
     * Every day (week, month) of the range, those without sales included with zeros; a week or month cut by the
     * range sums its days in the range.
     */
    public List<SalesRows.DailySales> daily(DateRange range, Grain grain) {
        Map<LocalDate, SalesTotals> days = timed(Breakdown.DAY, () -> store.dailySales(range.from(), range.to()));
        Map<LocalDate, SalesTotals> buckets = new LinkedHashMap<>();
        days.forEach((day, totals) -> buckets.merge(grain.bucketOf(day), totals, SalesTotals::plus));
        return buckets.entrySet().stream()
                .map(bucket -> new SalesRows.DailySales(bucket.getKey(), Measures.of(bucket.getValue()))).toList();
    }

    /** The keys with sales in the query's range, best-selling first (ties by key), at most its {@code limit}. */
    <T> List<T> by(Breakdown breakdown, SliceQuery query, Function<SliceSales, T> row) {
        DateRange range = range(query.from(), query.to());
        int max = query.limit() == null ? properties.maxLimit() : query.limit();
        if (max < 1 || max > properties.maxLimit()) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + properties.maxLimit());
        }
        return timed(breakdown, () -> store.salesBy(breakdown, range.from(), range.to(), max)).stream().map(row).toList();
    }

    public Freshness freshness() {
        Instant now = clock.instant();
        LoadedExport export = store.currentExport().orElse(null);
        SpeedProgress speed = store.speedProgress();
        Long lag = speed.latestCommittedAt() == null || speed.latestWrittenAt() == null ? null
                : Math.max(0, Duration.between(speed.latestCommittedAt(), speed.latestWrittenAt()).toMillis());
        return export == null
                ? new Freshness(null, null, null, null, null, speed.latestCommittedAt(), speed.latestWrittenAt(), lag, now)
                : new Freshness(export.watermark(), export.exportId(), export.partition(), export.exportedAt(),
                        export.loadedAt(), speed.latestCommittedAt(), speed.latestWrittenAt(), lag, now);
    }

    private <T> T timed(Breakdown breakdown, Supplier<T> query) {
        return timers.get(breakdown).record(query);
    }
}
