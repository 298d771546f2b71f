package org.rainbow.bench.speed;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.rainbow.bench.harness.InProcessService;
import org.rainbow.bench.harness.InProcessService.Foreign;
import org.rainbow.bridge.StreamBridgeApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * stream-bridge in this JVM, capture and ClickHouse sink, on a source database whose slot already holds the
 * backlog (no snapshot), with topics under {@code bench.} and the speed tables in ClickHouse database
 * {@code bench}.
 */
final class BridgeUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext bridge;

    private BridgeUnderTest(ConfigurableApplicationContext bridge) {
        this.bridge = bridge;
    }

    /** @param overrides {@code --name=value} Spring properties given on the command line, which win */
    static BridgeUnderTest start(SpeedEngines engines, SourceDatabase source, List<String> overrides) {
        System.out.println("Starting stream-bridge (capture + ClickHouse sink) ...");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + engines.kafka().bootstrapServers(),
                "--rainbow.bridge.topics.prefix=bench",
                "--rainbow.bridge.capture.port=" + engines.postgres().port(),
                "--rainbow.bridge.capture.database=" + source.name(),
                "--rainbow.bridge.capture.slot-name=" + source.name(),
                // The backlog waits in the slot made before it was written; no snapshot of the tables.
                "--rainbow.bridge.capture.snapshot-mode=no_data",
                "--rainbow.bridge.capture.user=" + engines.postgres().user(),
                "--rainbow.bridge.capture.password=" + engines.postgres().password(),
                "--rainbow.bridge.capture.offset-topic=bench.offsets",
                "--rainbow.serving.engine=clickhouse",
                "--rainbow.serving.clickhouse.url=http://127.0.0.1:" + engines.clickHouse().httpPort(),
                "--rainbow.serving.clickhouse.speed-database=bench",
                "--spring.kafka.consumer.group-id=bench-clickhouse"));
        args.addAll(overrides);
        return new BridgeUnderTest(InProcessService.builder(StreamBridgeApplication.class,
                        EnumSet.of(Foreign.DATABASE, Foreign.BATCH, Foreign.SECURITY, Foreign.OPENAPI))
                .run(args.toArray(String[]::new)));
    }

    @Override
    public void close() {
        bridge.close();
    }
}
