package org.rainbow.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one phase: {@code clients} threads each place an order, wait for it, and place the next, for the
 * warm-up and then the measured window. A closed loop measures the capacity at this concurrency, so each
 * latency is the time one order took, not the delay behind a fixed arrival rate.
 */
final class ClosedLoopLoad {

    static final int LINES_PER_ORDER = 3;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final Catalog catalog;
    private final long postmasterPid;
    private final PrintStream out;

    ClosedLoopLoad(BenchOptions options, Catalog catalog, long postmasterPid, PrintStream out) {
        this.options = options;
        this.catalog = catalog;
        this.postmasterPid = postmasterPid;
        this.out = out;
    }

    PhaseResult run(String name, Callable<OrderPlacer> newPlacer) throws Exception {
        Recorder recorder = new Recorder(3);
        LongAdder failures = new LongAdder();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<OrderPlacer> placers = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        out.printf("%n%s: %d clients, %d s warm-up + %d s measured%n", name, options.clients(),
                options.warmup().toSeconds(), options.measure().toSeconds());
        try {
            for (int i = 0; i < options.clients(); i++) {
                placers.add(newPlacer.call());
            }
            for (int i = 0; i < placers.size(); i++) {
                OrderPlacer placer = placers.get(i);
                Thread client = new Thread(() -> placeUntilStopped(placer, running, recorder, failures, firstFailure),
                        "bench-client-" + i);
                client.setDaemon(true);
                clients.add(client);
            }
            clients.forEach(Thread::start);
            return measure(name, recorder, failures, firstFailure);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(35).toMillis());
            }
            for (OrderPlacer placer : placers) {
                placer.close();
            }
        }
    }

    /** Harvests the latencies every few seconds, prints progress, and keeps the measured window's. */
    private PhaseResult measure(String name, Recorder recorder, LongAdder failures,
                                AtomicReference<String> firstFailure) throws InterruptedException {
        Histogram measured = new Histogram(3);
        Histogram interval = null;
        CpuSample phaseStart = CpuSample.take(postmasterPid);
        long warmupEnd = phaseStart.nanoTime() + options.warmup().toNanos();
        long measureEnd = warmupEnd + options.measure().toNanos();
        boolean measuring = options.warmup().isZero();
        CpuSample previous = phaseStart;
        CpuSample measureStart = phaseStart;
        long tick = phaseStart.nanoTime();
        while (true) {
            long next = Math.min(tick + PROGRESS_EVERY.toNanos(), measuring ? measureEnd : warmupEnd);
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            tick = next;
            interval = recorder.getIntervalHistogram(interval);
            CpuSample now = CpuSample.take(postmasterPid);
            double seconds = (now.nanoTime() - previous.nanoTime()) / 1e9;
            out.printf("  %-8s %-8s %3d s  %7.0f orders/s  p50 %7.2f ms  p99 %7.2f ms  failed %d  %s%n",
                    name, measuring ? "measure" : "warm-up",
                    Math.round((now.nanoTime() - (measuring ? measureStart : phaseStart).nanoTime()) / 1e9),
                    interval.getTotalCount() / seconds, interval.getValueAtPercentile(50) / 1000.0,
                    interval.getValueAtPercentile(99) / 1000.0, failures.sum(), now.since(previous));
            previous = now;
            if (ProcessHandle.of(postmasterPid).isEmpty()) {
                // Without a database every order fails at once; going on would only measure the failures.
                throw new IllegalStateException("PostgreSQL (pid " + postmasterPid + ") exited during " + name);
            }
            if (measuring) {
                measured.add(interval);
                if (next == measureEnd) {
                    return new PhaseResult(name, measured.getTotalCount(),
                            (now.nanoTime() - measureStart.nanoTime()) / 1e9, measured, failures.sum(),
                            firstFailure.get(), now.since(measureStart));
                }
            } else if (next == warmupEnd) {
                measuring = true;
                measureStart = now;
            }
        }
    }

    private void placeUntilStopped(OrderPlacer placer, AtomicBoolean running, Recorder recorder, LongAdder failures,
                                   AtomicReference<String> firstFailure) {
        Random random = ThreadLocalRandom.current();
        while (running.get()) {
            OrderDraft order = catalog.randomOrder(random, LINES_PER_ORDER);
            long began = System.nanoTime();
            try {
                placer.place(order);
                recorder.recordValue((System.nanoTime() - began) / 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                firstFailure.compareAndSet(null, e.toString());
            }
        }
    }
}
