package org.rainbow.api.generator;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the generator in the background once the API is up: seeds an empty database, backdates
 * {@code history-days} of orders, then places live orders at {@code orders-per-second}.
 */
@Component
class GeneratorRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);
    private static final Duration TICK = Duration.ofMillis(100);

    private final GeneratorProperties settings;
    private final MasterDataSeeder seeder;
    private final TrafficGenerator traffic;
    private final Clock clock;
    private volatile Thread worker;
    private volatile Phase phase = Phase.OFF;

    /** Where the generator is: the local stack backfills the batch layer once the history is written. */
    enum Phase { OFF, SEEDING, HISTORY, LIVE, DONE, FAILED }

    GeneratorRunner(GeneratorProperties settings, MasterDataSeeder seeder, TrafficGenerator traffic, Clock clock) {
        this.settings = settings;
        this.seeder = seeder;
        this.traffic = traffic;
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

    /** Seeds and backfills an empty database, then places live orders until interrupted or done. */
    void run() {
        try {
            Catalog catalog = seeder.existing();
            if (catalog.isEmpty()) {
                catalog = seedWithHistory(LocalDate.now(clock));
            } else {
                log.info("database already holds master data ({} customers, {} products): no seeding, no history",
                        catalog.customerIds().size(), catalog.productIds().size());
            }
            phase = Phase.LIVE;
            placeLive(catalog);
            phase = Phase.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            log.error("traffic generator stopped", e);
        }
    }

    /**
     * Seeds master data the day before the history starts, then places each past day's orders at random
     * times of that day, interleaved with customer and product changes. Same seed, same today: same data.
     */
    Catalog seedWithHistory(LocalDate today) throws InterruptedException {
        Random random = new Random(settings.seed());
        LocalDate firstDay = today.minusDays(settings.historyDays());
        Instant seededAt = firstDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Catalog catalog = seeder.seed(settings, random, seededAt, firstDay, today);
        phase = Phase.HISTORY;
        long began = System.nanoTime();
        long total = 0;
        for (LocalDate day = firstDay; day.isBefore(today); day = day.plusDays(1)) {
            int count = settings.historyOrdersPerDay() == 0 ? 0
                    : (int) Math.round(settings.historyOrdersPerDay() * (0.8 + 0.4 * random.nextDouble()));
            long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long[] times = LongStream.generate(() -> dayStart + random.nextLong(86_400_000L)).limit(count).sorted().toArray();
            int placed = 0;
            for (long time : times) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Instant at = Instant.ofEpochMilli(time);
                if (random.nextDouble() < settings.changeProbability()) {
                    traffic.changeSomething(random, catalog, at.minusMillis(1));
                }
                placed += traffic.placeRandomOrder(random, catalog, at) ? 1 : 0;
            }
            total += placed;
            log.info("history {} ({}/{} days): {} orders placed, {} total, {} orders/s", day,
                    day.toEpochDay() - firstDay.toEpochDay() + 1, settings.historyDays(), placed, total,
                    Math.round(total / ((System.nanoTime() - began) / 1e9)));
        }
        return catalog;
    }

    Phase phase() {
        return phase;
    }

    /** Places orders at the configured rate: every tick, the orders whose time has come. */
    private void placeLive(Catalog catalog) throws InterruptedException {
        if (settings.ordersPerSecond() <= 0) {
            log.info("live traffic off (orders-per-second = 0)");
            return;
        }
        Random random = new Random(settings.seed() + 1);
        log.info("placing live orders at {} per second", settings.ordersPerSecond());
        long start = System.nanoTime();
        long due = 0;
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
}
