package org.rainbow.api.generator;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the generator in the background once the API is up: seeds an empty database, backdates
 * {@code history-days} of orders, then places live orders at {@code orders-per-second}. Seeding and every
 * history day are each one transaction that also records how far the history got, so an interrupted start
 * resumes where it stopped; while the database is unreachable it backs off and tries again.
 */
@Component
class GeneratorRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final GeneratorProperties settings;
    private final MasterDataSeeder seeder;
    private final TrafficGenerator traffic;
    private final HistoryPlanStore plans;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Thread worker;
    private volatile Phase phase = Phase.OFF;

    /** Where the generator is: the local stack backfills the batch layer once the history is written. */
    enum Phase { OFF, SEEDING, HISTORY, LIVE, DONE, FAILED }

    GeneratorRunner(GeneratorProperties settings, MasterDataSeeder seeder, TrafficGenerator traffic,
                    HistoryPlanStore plans, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.seeder = seeder;
        this.traffic = traffic;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        if (!settings.enabled()) {
            return;
        }
        phase = Phase.SEEDING;
        worker = new Thread(this::run, "traffic-generator");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            running.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /**
     * Seeds and backfills (or resumes doing so), then places live orders until interrupted or done. A database
     * outage pauses it, backing off from 1 s up to 30 s; it then resumes where it was.
     */
    void run() {
        Duration pause = FIRST_PAUSE;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Catalog catalog = prepare(LocalDate.now(clock));
                phase = Phase.LIVE;
                placeLive(catalog);
                phase = Phase.DONE;
                return;
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
            } catch (DataAccessException | TransactionException unavailable) {
                log.warn("traffic generator paused: the database is unavailable ({}); trying again in {} s",
                        unavailable.getMostSpecificCause().getMessage(), pause.toSeconds());
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                phase = Phase.FAILED;
                log.error("traffic generator stopped", e);
                return;
            }
        }
    }

    /**
     * The catalog to draw live orders from, after seeding and backdating the history where that is not done yet.
     * A database that already holds master data the generator did not seed gets neither.
     */
    Catalog prepare(LocalDate today) throws InterruptedException {
        if (plans.find().isEmpty()) {
            Catalog existing = seeder.existing(MasterDataSeeder.ANY_TIME);
            if (!existing.isEmpty()) {
                log.info("database holds master data the generator did not seed ({} customers, {} products): "
                        + "no seeding, no history", existing.customerIds().size(), existing.productIds().size());
                return existing;
            }
        }
        return seedWithHistory(today);
    }

    /**
     * Seeds master data the day before the history starts, then places each past day's orders at random times
     * of that day, interleaved with customer and product changes: one transaction per day, resuming at the first
     * day not written yet. Same seed, same today: same data.
     */
    Catalog seedWithHistory(LocalDate today) throws InterruptedException {
        HistoryPlan plan = plans.find().orElse(null);
        if (plan == null) {
            phase = Phase.SEEDING;
            plan = transactions.execute(tx -> seed(today));
        }
        Catalog catalog = seeder.existing(plan.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant());
        if (!plan.complete()) {
            phase = Phase.HISTORY;
            if (!plan.nextDay().equals(plan.firstDay())) {
                log.info("resuming the history at {} ({} of {} days written)", plan.nextDay(),
                        plan.nextDay().toEpochDay() - plan.firstDay().toEpochDay(),
                        plan.endDay().toEpochDay() - plan.firstDay().toEpochDay());
            }
            writeHistory(plan, catalog);
        }
        return catalog;
    }

    Phase phase() {
        return phase;
    }

    private HistoryPlan seed(LocalDate today) {
        LocalDate firstDay = today.minusDays(settings.historyDays());
        Instant seededAt = firstDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        seeder.seed(settings, new Random(settings.seed()), seededAt, firstDay, today);
        HistoryPlan plan = new HistoryPlan(settings.seed(), firstDay, today, firstDay);
        plans.create(plan);
        return plan;
    }

    private void writeHistory(HistoryPlan plan, Catalog catalog) throws InterruptedException {
        long began = System.nanoTime();
        long total = 0;
        long days = plan.endDay().toEpochDay() - plan.firstDay().toEpochDay();
        for (LocalDate day = plan.nextDay(); day.isBefore(plan.endDay()); day = day.plusDays(1)) {
            LocalDate current = day;
            Integer placed = transactions.execute(tx -> {
                int count = writeDay(new Random(daySeed(plan.seed(), current)), catalog, current);
                plans.advance(current.plusDays(1));
                return count;
            });
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            total += placed;
            log.info("history {} ({}/{} days): {} orders placed, {} total, {} orders/s", day,
                    day.toEpochDay() - plan.firstDay().toEpochDay() + 1, days, placed, total,
                    Math.round(total / ((System.nanoTime() - began) / 1e9)));
        }
    }

    /** One day's orders and changes, all drawn from the day's own random sequence. */
    private int writeDay(Random random, Catalog catalog, LocalDate day) {
        int count = settings.historyOrdersPerDay() == 0 ? 0
                : (int) Math.round(settings.historyOrdersPerDay() * (0.8 + 0.4 * random.nextDouble()));
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long[] times = LongStream.generate(() -> dayStart + random.nextLong(86_400_000L)).limit(count).sorted().toArray();
        int placed = 0;
        for (long time : times) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted in the history of " + day); // rolls the day back
            }
            Instant at = Instant.ofEpochMilli(time);
            if (random.nextDouble() < settings.changeProbability()) {
                traffic.changeSomething(random, catalog, at.minusMillis(1));
            }
            placed += traffic.placeRandomOrder(random, catalog, at) ? 1 : 0;
        }
        return placed;
    }

    /** A day's draws depend on the seed and the day only, so a resumed history is the one a whole run writes. */
    private static long daySeed(long seed, LocalDate day) {
        return seed ^ (day.toEpochDay() * 0x9E3779B97F4A7C15L);
    }

    /**
     * Places orders at the configured rate: every tick, the orders whose time has come. After an outage the
     * pace starts afresh rather than catching up on the orders the outage missed.
     */
    private void placeLive(Catalog catalog) throws InterruptedException {
        if (settings.ordersPerSecond() <= 0) {
            log.info("live traffic off (orders-per-second = 0)");
            return;
        }
        Random random = new Random(settings.seed() + 1);
        log.info("placing live orders at {} per second", settings.ordersPerSecond());
        long start = System.nanoTime();
        long due;
        long done = 0;
        long lastReport = start;
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            double elapsed = (now - start) / 1e9;
            if (settings.liveSeconds() > 0 && elapsed >= settings.liveSeconds()) {
                log.info("live traffic finished after {} s: {} orders", settings.liveSeconds(), done);
                return;
            }
            due = (long) (elapsed * settings.ordersPerSecond());
            while (done < due) {
                if (random.nextDouble() < settings.changeProbability()) {
                    traffic.changeSomething(random, catalog, clock.instant());
                }
                traffic.placeRandomOrder(random, catalog, clock.instant());
                done++;
            }
            if (now - lastReport > Duration.ofMinutes(1).toNanos()) {
                log.info("live: {} orders placed in {} s", done, Math.round(elapsed));
                lastReport = now;
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
