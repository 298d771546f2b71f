package org.rainbow.bench.orders;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Watches a running phase: harvests its latencies every few seconds, prints progress, and keeps the measured
 * window's latencies and CPU once the warm-up is over.
 */
final class PhaseMeter {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final long postmasterPid;
    private final PrintStream out;

    PhaseMeter(long postmasterPid, PrintStream out) {
        this.postmasterPid = postmasterPid;
        this.out = out;
    }

    /** What the load threads of one phase record into, and the failures they count. */
    record Tally(Recorder latencyMicros, LongAdder placed, LongAdder failures, AtomicReference<String> firstFailure) {

        Tally() {
            this(new Recorder(3), new LongAdder(), new LongAdder(), new AtomicReference<>());
        }

        void succeeded(long beganNanos) {
            latencyMicros.recordValue((System.nanoTime() - beganNanos) / 1_000);
            placed.increment();
        }

        void failed(Throwable failure) {
            failures.increment();
            firstFailure.compareAndSet(null, failure.toString());
        }
    }

    PhaseResult measure(String name, Duration warmup, Duration measure, Tally tally) throws InterruptedException {
        Histogram measured = new Histogram(3);
        Histogram interval = null;
        CpuSample phaseStart = CpuSample.take(postmasterPid);
        long warmupEnd = phaseStart.nanoTime() + warmup.toNanos();
        long measureEnd = warmupEnd + measure.toNanos();
        boolean measuring = warmup.isZero();
        CpuSample previous = phaseStart;
        CpuSample measureStart = phaseStart;
        long tick = phaseStart.nanoTime();
        while (true) {
            long next = Math.min(tick + PROGRESS_EVERY.toNanos(), measuring ? measureEnd : warmupEnd);
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            tick = next;
            interval = tally.latencyMicros().getIntervalHistogram(interval);
            CpuSample now = CpuSample.take(postmasterPid);
            double seconds = (now.nanoTime() - previous.nanoTime()) / 1e9;
            out.printf("  %-9s %-8s %3d s  %7.0f orders/s  p50 %7.2f ms  p99 %7.2f ms  failed %d  %s%n",
                    name, measuring ? "measure" : "warm-up",
                    Math.round((now.nanoTime() - (measuring ? measureStart : phaseStart).nanoTime()) / 1e9),
                    interval.getTotalCount() / seconds, interval.getValueAtPercentile(50) / 1000.0,
                    interval.getValueAtPercentile(99) / 1000.0, tally.failures().sum(), now.since(previous));
            previous = now;
            if (ProcessHandle.of(postmasterPid).isEmpty()) {
                // Without a database every order fails at once; going on would only measure the failures.
                throw new IllegalStateException("PostgreSQL (pid " + postmasterPid + ") exited during " + name);
            }
            if (measuring) {
                measured.add(interval);
                if (next == measureEnd) {
                    return new PhaseResult(name, measured.getTotalCount(),
                            (now.nanoTime() - measureStart.nanoTime()) / 1e9, measured, tally.failures().sum(),
                            tally.firstFailure().get(), now.since(measureStart));
                }
            } else if (next == warmupEnd) {
                measuring = true;
                measureStart = now;
            }
        }
    }
}
