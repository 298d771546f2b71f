package org.rainbow.bench.orders;

import org.HdrHistogram.Histogram;

/**
 * What one phase measured: orders completed in the measured window, latencies in microseconds, and the
 * failures of the whole phase (warm-up included).
 */
record PhaseResult(String name, long orders, double seconds, Histogram latencyMicros, long failures,
                   String firstFailure, CpuSample.Share cpu) {

    double ordersPerSecond() {
        return orders / seconds;
    }

    double millisAt(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    /** CPU milliseconds this JVM spent per order without the load clients' threads: the API's own cost. */
    double apiCpuMillisPerOrder() {
        return cpuMillisPerOrder(cpu.api());
    }

    /** CPU milliseconds the load clients' threads spent per order. */
    double clientCpuMillisPerOrder() {
        return cpuMillisPerOrder(cpu.clients());
    }

    /** CPU milliseconds PostgreSQL spent per order. */
    double postgresCpuMillisPerOrder() {
        return cpuMillisPerOrder(cpu.postgres());
    }

    private double cpuMillisPerOrder(double share) {
        return share * seconds * Runtime.getRuntime().availableProcessors() * 1000 / orders;
    }
}
