package org.rainbow.bench.orders;

import java.io.PrintStream;
import org.rainbow.bench.harness.Verdict;

/** Prints the comparison of the two phases and whether the API meets its performance goal. */
final class ResultTable {

    /** Goal P1: the API keeps at least this share of what the database takes with raw JDBC ... */
    static final double MIN_THROUGHPUT_RATIO = 0.6;
    /** ... at no more than this multiple of raw JDBC's p99 at the same concurrency ... */
    static final double MAX_P99_RATIO = 2;
    /** ... and answers orders arriving at the open loop's pace within this p99 ... */
    static final double MAX_OPEN_LOOP_P99_MILLIS = 25;
    /** ... while keeping that pace (orders/s answered over orders/s sent). */
    static final double MIN_OPEN_LOOP_PACE = 0.98;
    /** More CPU than this taken by processes outside the benchmark makes the comparison unfair. */
    private static final double MAX_OTHER_CPU = 0.10;
    /** JIT compilers busier than this in the measured window mean the code was still warming up. */
    private static final double MAX_JIT = 0.10;

    private ResultTable() {
    }

    /** How the freshly started API did: seconds until it was ready, then until its first orders were placed. */
    record ColdStart(double readySeconds, int orders, double ordersSeconds) {
    }

    static void print(PrintStream out, String setup, ColdStart cold, PhaseResult ceiling, PhaseResult api,
                      PhaseResult openLoop, int rate) {
        out.printf("%nBenchmark P1 — order API (%s)%n", setup);
        out.printf("  Cold start: rainbow-api ready in %.1f s; its first %,d orders took %.1f s more: %.1f s from"
                + " start to the %,dth order.%n", cold.readySeconds(), cold.orders(), cold.ordersSeconds(),
                cold.readySeconds() + cold.ordersSeconds(), cold.orders());
        out.println("  phase      orders/s    p50 ms    p99 ms  p99.9 ms    max ms    orders  failed"
                + "   CPU: API clients  PG other   CPU ms/order: API clients   PG");
        row(out, ceiling);
        row(out, api);
        row(out, openLoop);
        double ratio = api.ordersPerSecond() / ceiling.ordersPerSecond();
        double p99Ratio = api.millisAt(99) / ceiling.millisAt(99);
        out.printf("  API / raw JDBC  %5.2f  %8.2f  %8.2f  %8.2f%n", ratio, api.millisAt(50) / ceiling.millisAt(50),
                p99Ratio, api.millisAt(99.9) / ceiling.millisAt(99.9));
        out.println();
        out.printf("  Goal: API throughput >= %.1f x raw JDBC (closed loop)   %6.2f x     %s%n",
                MIN_THROUGHPUT_RATIO, ratio, Verdict.of(ratio >= MIN_THROUGHPUT_RATIO));
        out.printf("  Goal: API p99 <= %.0f x raw JDBC p99 (closed loop)       %6.2f x     %s%n",
                MAX_P99_RATIO, p99Ratio, Verdict.of(p99Ratio <= MAX_P99_RATIO));
        out.printf("  Goal: API p99 <= %.0f ms at %d orders/s (open loop)     %6.2f ms    %s%n",
                MAX_OPEN_LOOP_P99_MILLIS, rate, openLoop.millisAt(99),
                Verdict.of(openLoop.millisAt(99) <= MAX_OPEN_LOOP_P99_MILLIS));
        out.printf("  Goal: open loop keeps its pace (>= %.0f%% of %d/s)       %6.1f /s    %s%n",
                100 * MIN_OPEN_LOOP_PACE, rate, openLoop.ordersPerSecond(),
                Verdict.of(openLoop.ordersPerSecond() >= MIN_OPEN_LOOP_PACE * rate));
        long failures = ceiling.failures() + api.failures() + openLoop.failures();
        out.printf("  Failed requests (must be 0)                          %6d       %s%n", failures,
                Verdict.of(failures == 0));
        for (PhaseResult phase : new PhaseResult[] {ceiling, api, openLoop}) {
            if (phase.firstFailure() != null) {
                out.printf("  first %s failure: %s%n", phase.name(), phase.firstFailure());
            }
            if (phase.cpu().other() > MAX_OTHER_CPU) {
                out.printf("  WARNING: other processes used %.0f%% of the machine's CPU while %s was measured;"
                        + " the figures are disturbed, run again on an idle machine.%n", 100 * phase.cpu().other(),
                        phase.name());
            }
            if (phase.cpu().jit() > MAX_JIT) {
                out.printf("  WARNING: the JIT compilers were still busy (%.0f%%) while %s was measured;"
                        + " its code had not warmed up, a longer --warmup gives steadier figures.%n",
                        100 * phase.cpu().jit(), phase.name());
            }
        }
    }

    private static void row(PrintStream out, PhaseResult phase) {
        out.printf("  %-9s %9.1f  %8.2f  %8.2f  %8.2f  %8.2f  %8d  %6d   %4.0f%% %4.0f%% %4.0f%% %4.0f%%  %15.2f %7.2f %5.2f%n",
                phase.name(), phase.ordersPerSecond(), phase.millisAt(50), phase.millisAt(99), phase.millisAt(99.9),
                phase.maxMillis(), phase.orders(), phase.failures(), 100 * phase.cpu().api(),
                100 * phase.cpu().clients(), 100 * phase.cpu().postgres(), 100 * phase.cpu().other(),
                phase.apiCpuMillisPerOrder(), phase.clientCpuMillisPerOrder(), phase.postgresCpuMillisPerOrder());
    }
}
