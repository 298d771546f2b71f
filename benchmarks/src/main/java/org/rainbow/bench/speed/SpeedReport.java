package org.rainbow.bench.speed;

import java.io.PrintStream;
import org.rainbow.bench.harness.Verdict;

/** The figures of one run of P2 and its goals, PASS/FAIL each. */
record SpeedReport(SpeedCommand.Options options, RawKafkaPhase.Rates kafka, double debezium, double connect,
                   BridgeBacklogPhase.Rates bridge, ClickHouseSpeedTables.Freshness freshness) {

    /** Goals P2: end to end keeps this share of what the Debezium engine alone delivers ... */
    static final double MIN_END_TO_END_SHARE = 0.8;
    /** ... capture into Kafka at least as fast as Kafka Connect with Debezium's connector ... */
    static final double MIN_CAPTURE_SHARE = 1.0;
    /** ... and a change visible in ClickHouse within this p99 under steady traffic. */
    static final int MAX_FRESHNESS_P99_MILLIS = 1_000;

    void print(PrintStream out) {
        int orders = options.orders();
        int rate = options.rate();
        int rawMessages = orders * SourceDatabase.EVENTS_PER_ORDER;
        double endToEndShare = bridge.endToEnd() / debezium;
        double captureShare = bridge.capture() / connect;
        out.printf("""

                Benchmark P2 — speed layer on %d cores (%s), a backlog of %,d orders = %,d row events
                  raw Kafka producer (acks=all, idempotent, 3 partitions, RF 2, ~600 B): %,10.0f msg/s
                  raw Kafka producer -> consumer, same %,d messages:                  %,10.0f msg/s
                  Debezium engine alone (pgoutput) -> no-op consumer:                %,10.0f row-events/s
                  Kafka Connect standalone + Debezium PostgresConnector -> Kafka:    %,10.0f row-events/s
                  stream-bridge capture -> Kafka:                                    %,10.0f row-events/s
                  stream-bridge end to end PostgreSQL -> Kafka -> ClickHouse:        %,10.0f row-events/s
                  freshness at %,d orders/s (%,d row-events/s) for %d s, commit -> visible in ClickHouse:
                      p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d orders (achieved %,.0f orders/s)

                  Goal: end to end >= %.1f x Debezium alone                        %5.2f x     %s
                  Goal: capture -> Kafka >= %.1f x Kafka Connect + Debezium           %5.2f x     %s
                  Goal: freshness p99 <= %,d ms at %,d orders/s                   %5.0f ms    %s
                %n""", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), orders,
                rawMessages, kafka.produced(), rawMessages, kafka.producedAndConsumed(), debezium, connect,
                bridge.capture(), bridge.endToEnd(), rate, rate * SourceDatabase.EVENTS_PER_ORDER, options.seconds(),
                freshness.p50(), freshness.p99(), freshness.max(), freshness.orders(), freshness.achievedRate(),
                MIN_END_TO_END_SHARE, endToEndShare, Verdict.of(endToEndShare >= MIN_END_TO_END_SHARE),
                MIN_CAPTURE_SHARE, captureShare, Verdict.of(captureShare >= MIN_CAPTURE_SHARE),
                MAX_FRESHNESS_P99_MILLIS, rate, freshness.p99(), Verdict.of(freshness.p99() <= MAX_FRESHNESS_P99_MILLIS));
    }
}
