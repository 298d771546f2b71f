package org.rainbow.bench.speed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Phase 5: steady traffic through the running bridge, one transaction per order from 4 connections (like the
 * API, so commit latency does not cap the rate), and the time from each commit to its row in ClickHouse.
 */
final class FreshnessPhase {

    private static final int CONNECTIONS = 4;

    private FreshnessPhase() {
    }

    /** {@code rate} orders/s for {@code seconds}, ids after {@code lastId} (the backlog's). */
    static ClickHouseSpeedTables.Freshness run(SourceDatabase source, ClickHouseSpeedTables speedTables, int rate,
                                               int seconds, int lastId) throws Exception {
        System.out.println("Freshness at " + rate + " orders/s for " + seconds + " s ...");
        int share = rate * seconds / CONNECTIONS;
        int count = share * CONNECTIONS;
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int first = lastId + 1 + c * share;
            done.add(clients.submit(() -> {
                source.insertOrders(first, share, rate / CONNECTIONS);
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();
        double achieved = count / ((System.nanoTime() - start) / 1e9);
        speedTables.awaitOrders(lastId + count, Duration.ofMinutes(5));
        return speedTables.freshnessAfter(lastId, achieved);
    }
}
