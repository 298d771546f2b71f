package org.rainbow.bench.speed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark P2. On real embedded engines (PostgreSQL 17, 3 Kafka brokers, ClickHouse 26.7), each phase on a
 * backlog of the same orders or on steady traffic: raw Kafka producer → consumer ({@link RawKafkaPhase}); the
 * Debezium engine alone into a no-op consumer ({@link DebeziumAlonePhase}); Kafka Connect standalone with
 * Debezium's connector into Kafka ({@link ConnectBaselinePhase}); stream-bridge into Kafka and on into ClickHouse
 * ({@link BridgeBacklogPhase}); and freshness, commit → visible in ClickHouse, under a steady rate
 * ({@link FreshnessPhase}). The phases run {@code --rounds} times, on fresh engines each time: the machine is
 * shared, and one run's figures move by more than the goals' margins. {@link SpeedReport} prints each round, the
 * medians and PASS/FAIL per goal on the medians.
 */
final class SpeedBenchmark {

    private static final String BRIDGE_DATABASE = "bench_e2e";

    private SpeedBenchmark() {
    }

    static void run(SpeedCommand.Options options) throws Exception {
        List<SpeedReport.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            System.out.printf("%n== round %d of %d ==%n", round, options.rounds());
            rounds.add(round(options));
            SpeedReport.printRound(System.out, round, rounds.get(round - 1));
        }
        new SpeedReport(options, rounds).print(System.out);
    }

    /** Every phase once, on engines started for it alone. */
    private static SpeedReport.Round round(SpeedCommand.Options options) throws Exception {
        Path work = Files.createTempDirectory("rainbow-speed-bench");
        try (SpeedEngines engines = SpeedEngines.start(work)) {
            RawKafkaPhase.Rates kafka = RawKafkaPhase.run(engines.kafka(),
                    options.orders() * SourceDatabase.EVENTS_PER_ORDER);
            double debezium = DebeziumAlonePhase.run(engines, options.orders());
            double connect = ConnectBaselinePhase.run(engines, options.orders());
            SourceDatabase source = SourceDatabase.create(engines.postgres(), BRIDGE_DATABASE);
            source.createSlot(BRIDGE_DATABASE);
            source.insertBacklog(1, options.orders());
            ClickHouseSpeedTables speedTables = new ClickHouseSpeedTables(engines.clickHouse());
            try (BridgeUnderTest ignored = BridgeUnderTest.start(engines, source, options.bridgeProperties())) {
                BridgeBacklogPhase.Rates bridge = BridgeBacklogPhase.run(engines, speedTables, options.orders());
                ClickHouseSpeedTables.Freshness freshness = FreshnessPhase.run(source, speedTables, options.rate(),
                        options.seconds(), options.orders());
                return new SpeedReport.Round(kafka, debezium, connect, bridge, freshness);
            }
        } finally {
            // Gigabytes of engine files: nothing of it is needed once the round's figures are taken.
            FileSystemUtils.deleteRecursively(work);
        }
    }
}
