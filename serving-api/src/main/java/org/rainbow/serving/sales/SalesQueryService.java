package org.rainbow.serving.sales;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
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

    /** Every day of the range, days without sales included with zeros. */
    public List<DailySales> daily(DateRange range) {
        Map<LocalDate, SalesTotals> days = timed(Breakdown.DAY, () -> store.dailySales(range.from(), range.to()));
        List<DailySales> answer = new ArrayList<>((int) range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            answer.add(DailySales.of(day, days.getOrDefault(day, SalesTotals.NONE)));
        }
        return answer;
    }

    /** The keys with sales in the range, best-selling first (ties by key), at most {@code limit}. */
    public <T> List<T> by(Breakdown breakdown, DateRange range, Integer limit, BiFunction<Long, SalesTotals, T> row) {
        int max = limit == null ? properties.maxLimit() : limit;
        if (max < 1 || max > properties.maxLimit()) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + properties.maxLimit());
        }
        Map<Long, SalesTotals> keys = timed(breakdown, () -> store.salesBy(breakdown, range.from(), range.to()));
        return keys.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, SalesTotals> e) -> e.getValue().extendedSalesAmount())
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(max)
                .map(e -> row.apply(e.getKey(), e.getValue()))
                .toList();
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
