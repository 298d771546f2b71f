package org.rainbow.bench;

import java.io.PrintStream;

/** Prints the comparison of the two phases and whether the API meets its performance goal. */
final class ResultTable {

    /** Goal P1: the API keeps at least this share of what the database takes with raw JDBC ... */
    static final double MIN_THROUGHPUT_RATIO = 0.6;
    /** ... at no more than this p99 latency. */
    static final double MAX_P99_MILLIS = 25;
    /** More CPU than this taken by processes outside the benchmark makes the comparison unfair. */
    private static final double MAX_OTHER_CPU = 0.10;
    /** JIT compilers busier than this in the measured window mean the code was still warming up. */
    private static final double MAX_JIT = 0.10;

    private ResultTable() {
    }

    static void print(PrintStream out, String setup, PhaseResult ceiling, PhaseResult api) {
        out.printf("%nResults (%s)%n", setup);
        out.println("  phase      orders/s    p50 ms    p99 ms  p99.9 ms    max ms    orders  failed"
                + "   CPU: JVM   PG  other   CPU ms/order: JVM    PG");
        row(out, ceiling);
        row(out, api);
        double ratio = api.ordersPerSecond() / ceiling.ordersPerSecond();
        out.printf("  API / raw JDBC  %5.2f  %8.2f  %8.2f  %8.2f%n", ratio, api.millisAt(50) / ceiling.millisAt(50),
                api.millisAt(99) / ceiling.millisAt(99), api.millisAt(99.9) / ceiling.millisAt(99.9));
        out.println();
        out.printf("  Goal: API throughput >= %.1f x raw JDBC   %5.2f x     %s%n", MIN_THROUGHPUT_RATIO, ratio,
                verdict(ratio >= MIN_THROUGHPUT_RATIO));
        out.printf("  Goal: API p99 <= %.0f ms                 %6.2f ms    %s%n", MAX_P99_MILLIS, api.millisAt(99),
                verdict(api.millisAt(99) <= MAX_P99_MILLIS));
        out.printf("  Failed requests (must be 0)            %6d       %s%n", api.failures() + ceiling.failures(),
                verdict(api.failures() + ceiling.failures() == 0));
        for (PhaseResult phase : new PhaseResult[] {ceiling, api}) {
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
        out.printf("  %-8s  %9.1f  %8.2f  %8.2f  %8.2f  %8.2f  %8d  %6d   %4.0f%% %4.0f%% %4.0f%%  %18.2f %5.2f%n",
                phase.name(), phase.ordersPerSecond(), phase.millisAt(50), phase.millisAt(99), phase.millisAt(99.9),
                phase.maxMillis(), phase.orders(), phase.failures(), 100 * phase.cpu().jvm(),
                100 * phase.cpu().postgres(), 100 * phase.cpu().other(), phase.jvmCpuMillisPerOrder(),
                phase.postgresCpuMillisPerOrder());
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "FAIL";
    }
}
