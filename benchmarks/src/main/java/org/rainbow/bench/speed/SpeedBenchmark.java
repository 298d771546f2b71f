package org.rainbow.bench.speed;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark P2. On real embedded engines (PostgreSQL 17, 3 Kafka brokers, ClickHouse 26.7), each phase on a
 * backlog of the same orders or on steady traffic: raw Kafka producer → consumer ({@link RawKafkaPhase}); the
 * Debezium engine alone into a no-op consumer ({@link DebeziumAlonePhase}); Kafka Connect standalone with
 * Debezium's connector into Kafka ({@link ConnectBaselinePhase}); stream-bridge into Kafka and on into ClickHouse
 * ({@link BridgeBacklogPhase}); and freshness, commit → visible in ClickHouse, under a steady rate
 * ({@link FreshnessPhase}). {@link SpeedReport} prints the figures and PASS/FAIL per goal.
 */
final class SpeedBenchmark {

    private static final String BRIDGE_DATABASE = "bench_e2e";

    private SpeedBenchmark() {
    }

    static void run(SpeedCommand.Options options) throws Exception {
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
            BridgeBacklogPhase.Rates bridge;
            ClickHouseSpeedTables.Freshness freshness;
            try (BridgeUnderTest ignored = BridgeUnderTest.start(engines, source, options.bridgeProperties())) {
                bridge = BridgeBacklogPhase.run(engines, speedTables, options.orders());
                freshness = FreshnessPhase.run(source, speedTables, options.rate(), options.seconds(), options.orders());
            }
            new SpeedReport(options, kafka, debezium, connect, bridge, freshness).print(System.out);
        }
        // Gigabytes of engine files: nothing of it is needed once the figures are printed.
        FileSystemUtils.deleteRecursively(work);
    }
}
