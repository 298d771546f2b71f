package org.rainbow.bench.orders;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs one phase: {@code clients} threads each place an order, wait for it, and place the next, for the
 * warm-up and then the measured window. A closed loop measures the capacity at this concurrency, so each
 * latency is the time one order took, not the delay behind a fixed arrival rate.
 */
final class ClosedLoopLoad {

    static final int LINES_PER_ORDER = 3;
    static final String CLIENT_THREAD = "bench-client-";

    private final OrdersOptions options;
    private final Catalog catalog;
    private final PhaseMeter meter;
    private final PrintStream out;

    ClosedLoopLoad(OrdersOptions options, Catalog catalog, PhaseMeter meter, PrintStream out) {
        this.options = options;
        this.catalog = catalog;
        this.meter = meter;
        this.out = out;
    }

    PhaseResult run(String name, Callable<OrderPlacer> newPlacer) throws Exception {
        out.printf("%n%s: %d clients, %d s warm-up + %d s measured%n", name, options.clients(),
                options.warmup().toSeconds(), options.measure().toSeconds());
        PhaseMeter.Tally tally = new PhaseMeter.Tally();
        try (Clients clients = start(newPlacer, tally, () -> true)) {
            return meter.measure(name, options.warmup(), options.measure(), tally);
        }
    }

    /**
     * Places {@code orders} orders as fast as the clients get them answered and returns how long that took:
     * on a freshly started API, the time its first users wait while its code is still cold.
     */
    Duration firstOrders(int orders, Callable<OrderPlacer> newPlacer) throws Exception {
        PhaseMeter.Tally tally = new PhaseMeter.Tally();
        long began = System.nanoTime();
        try (Clients clients = start(newPlacer, tally, () -> tally.placed().sum() < orders)) {
            while (tally.placed().sum() < orders) {
                if (tally.failures().sum() > 0) {
                    throw new IllegalStateException("an order failed: " + tally.firstFailure().get());
                }
                Thread.sleep(1);
            }
            return Duration.ofNanos(System.nanoTime() - began);
        }
    }

    private Clients start(Callable<OrderPlacer> newPlacer, PhaseMeter.Tally tally, BooleanSupplier going)
            throws Exception {
        Clients clients = new Clients(new ArrayList<>(), new ArrayList<>(), new AtomicBoolean(true));
        try {
            for (int i = 0; i < options.clients(); i++) {
                clients.placers().add(newPlacer.call());
            }
            for (int i = 0; i < clients.placers().size(); i++) {
                OrderPlacer placer = clients.placers().get(i);
                Thread client = new Thread(() -> placeWhile(placer, () -> clients.running().get()
                        && going.getAsBoolean(), tally), CLIENT_THREAD + i);
                client.setDaemon(true);
                clients.threads().add(client);
            }
            clients.threads().forEach(Thread::start);
            return clients;
        } catch (Exception e) {
            clients.close();
            throw e;
        }
    }

    /** The client threads of one phase and their placers; closing stops and joins them. */
    private record Clients(List<OrderPlacer> placers, List<Thread> threads, AtomicBoolean running)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(35).toMillis());
            }
            for (OrderPlacer placer : placers) {
                placer.close();
            }
        }
    }

    private void placeWhile(OrderPlacer placer, BooleanSupplier going, PhaseMeter.Tally tally) {
        Random random = ThreadLocalRandom.current();
        while (going.getAsBoolean()) {
            OrderDraft order = catalog.randomOrder(random, LINES_PER_ORDER);
            long began = System.nanoTime();
            try {
                placer.place(order);
                tally.succeeded(began);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                tally.failed(e);
            }
        }
    }
}
