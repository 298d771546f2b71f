package org.rainbow.bench.orders;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the open-loop phase: orders arrive at a fixed rate whether or not earlier ones were answered, as users'
 * orders do. Each latency runs from the moment its order was due, so a stall counts for every order it delays
 * (no coordinated omission).
 */
final class OpenLoopLoad {

    static final String PACER_THREAD = "bench-pacer";
    /** Orders in flight beyond this mean the API has stopped keeping up; the pacer then waits (late orders count). */
    private static final int MAX_IN_FLIGHT = 2_000;
    /** The open loop follows the closed loops, so the API is warm; a short warm-up settles the new rhythm. */
    private static final Duration WARMUP = Duration.ofSeconds(5);

    private final OrdersOptions options;
    private final Catalog catalog;
    private final PhaseMeter meter;
    private final PrintStream out;

    OpenLoopLoad(OrdersOptions options, Catalog catalog, PhaseMeter meter, PrintStream out) {
        this.options = options;
        this.catalog = catalog;
        this.meter = meter;
        this.out = out;
    }

    PhaseResult run(String name, ApiOrderPlacer placer) throws Exception {
        out.printf("%n%s: %d orders/s arriving at a fixed pace, %d s warm-up + %d s measured%n", name,
                options.rate(), WARMUP.toSeconds(), options.measure().toSeconds());
        PhaseMeter.Tally tally = new PhaseMeter.Tally();
        AtomicBoolean running = new AtomicBoolean(true);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Thread pacer = new Thread(() -> pace(placer, running, inFlight, tally), PACER_THREAD);
        pacer.setDaemon(true);
        pacer.start();
        try {
            return meter.measure(name, WARMUP, options.measure(), tally);
        } finally {
            running.set(false);
            pacer.join();
            inFlight.tryAcquire(MAX_IN_FLIGHT, 35, TimeUnit.SECONDS);
        }
    }

    private void pace(ApiOrderPlacer placer, AtomicBoolean running, Semaphore inFlight, PhaseMeter.Tally tally) {
        Random random = ThreadLocalRandom.current();
        long interval = 1_000_000_000L / options.rate();
        long due = System.nanoTime();
        while (running.get()) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long began = due;
            due += interval;
            inFlight.acquireUninterruptibly();
            placer.placeAsync(catalog.randomOrder(random, ClosedLoopLoad.LINES_PER_ORDER)).whenComplete(
                    (placed, failure) -> {
                        if (failure == null) {
                            tally.succeeded(began);
                        } else {
                            tally.failed(failure instanceof CompletionException wrapped
                                    && wrapped.getCause() != null ? wrapped.getCause() : failure);
                        }
                        inFlight.release();
                    });
        }
    }
}
