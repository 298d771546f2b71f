package org.rainbow.bench.speed;

import java.io.PrintStream;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.rainbow.bench.harness.Verdict;

/**
 * The figures of P2's rounds, their medians and the goals, PASS/FAIL each on the medians. A ratio is taken within
 * a round (the bridge against the baselines measured minutes before it on the same engines), then its median over
 * the rounds.
 */
record SpeedReport(SpeedCommand.Options options, List<Round> rounds) {

    /** Goals P2: end to end keeps this share of what the Debezium engine alone delivers ... */
    static final double MIN_END_TO_END_SHARE = 0.8;
    /** ... capture into Kafka at least as fast as Kafka Connect with Debezium's connector ... */
    static final double MIN_CAPTURE_SHARE = 1.0;
    /** ... and a change visible in ClickHouse within this p99 under steady traffic. */
    static final int MAX_FRESHNESS_P99_MILLIS = 1_000;

    /** One run of every phase. */
    record Round(RawKafkaPhase.Rates kafka, double debezium, double connect, BridgeBacklogPhase.Rates bridge,
                 ClickHouseSpeedTables.Freshness freshness) {

        double endToEndShare() {
            return bridge.endToEnd() / debezium;
        }

        double captureShare() {
            return bridge.capture() / connect;
        }
    }

    static void printRound(PrintStream out, int number, Round round) {
        out.printf("round %d: Debezium alone %,.0f, Connect %,.0f, bridge capture %,.0f, end to end %,.0f row-events/s"
                        + " (%.2f x Debezium alone, %.2f x Connect); freshness p50 %.0f ms, p99 %.0f ms%n", number,
                round.debezium(), round.connect(), round.bridge().capture(), round.bridge().endToEnd(),
                round.endToEndShare(), round.captureShare(), round.freshness().p50(), round.freshness().p99());
    }

    void print(PrintStream out) {
        int orders = options.orders();
        int rate = options.rate();
        int rawMessages = orders * SourceDatabase.EVENTS_PER_ORDER;
        double endToEndShare = median(Round::endToEndShare);
        double captureShare = median(Round::captureShare);
        double freshnessP99 = median(r -> r.freshness().p99());
        out.printf("""

                Benchmark P2 — speed layer on %d cores (%s), a backlog of %,d orders = %,d row events,
                medians of %d rounds on fresh engines [lowest – highest]
                  raw Kafka producer (acks=all, idempotent, 3 partitions, RF 2, ~600 B): %24s msg/s
                  raw Kafka producer -> consumer, same %,d messages:                  %24s msg/s
                  Debezium engine alone (pgoutput) -> no-op consumer:                %24s row-events/s
                  Kafka Connect standalone + Debezium PostgresConnector -> Kafka:    %24s row-events/s
                  stream-bridge capture -> Kafka:                                    %24s row-events/s
                  stream-bridge end to end PostgreSQL -> Kafka -> ClickHouse:        %24s row-events/s
                  freshness at %,d orders/s (%,d row-events/s) for %d s, commit -> visible in ClickHouse:
                      p50 %s ms, p99 %s ms, max %s ms (achieved %s orders/s)

                  Goal: end to end >= %.1f x Debezium alone                        %5.2f x     %s   (rounds: %s)
                  Goal: capture -> Kafka >= %.1f x Kafka Connect + Debezium           %5.2f x     %s   (rounds: %s)
                  Goal: freshness p99 <= %,d ms at %,d orders/s                   %5.0f ms    %s   (rounds: %s)
                %n""", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), orders,
                rawMessages, rounds.size(), spread(r -> r.kafka().produced()), rawMessages,
                spread(r -> r.kafka().producedAndConsumed()), spread(Round::debezium), spread(Round::connect),
                spread(r -> r.bridge().capture()), spread(r -> r.bridge().endToEnd()), rate,
                rate * SourceDatabase.EVENTS_PER_ORDER, options.seconds(), spread(r -> r.freshness().p50()),
                spread(r -> r.freshness().p99()), spread(r -> r.freshness().max()),
                spread(r -> r.freshness().achievedRate()),
                MIN_END_TO_END_SHARE, endToEndShare, Verdict.of(endToEndShare >= MIN_END_TO_END_SHARE),
                each(Round::endToEndShare, "%.2f"),
                MIN_CAPTURE_SHARE, captureShare, Verdict.of(captureShare >= MIN_CAPTURE_SHARE),
                each(Round::captureShare, "%.2f"),
                MAX_FRESHNESS_P99_MILLIS, rate, freshnessP99, Verdict.of(freshnessP99 <= MAX_FRESHNESS_P99_MILLIS),
                each(r -> r.freshness().p99(), "%.0f"));
    }

    /** The median (of an even count, the mean of the middle two). */
    double median(ToDoubleFunction<Round> figure) {
        return medianOf(sorted(figure));
    }

    private String spread(ToDoubleFunction<Round> figure) {
        double[] values = sorted(figure);
        return String.format("%,.0f [%,.0f – %,.0f]", medianOf(values), values[0], values[values.length - 1]);
    }

    private double[] sorted(ToDoubleFunction<Round> figure) {
        return rounds.stream().mapToDouble(figure).sorted().toArray();
    }

    private static double medianOf(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private String each(ToDoubleFunction<Round> figure, String format) {
        return rounds.stream().map(r -> String.format(format, figure.applyAsDouble(r))).collect(Collectors.joining(", "));
    }
}
