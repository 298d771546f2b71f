package org.rainbow.bench.speed;

import java.util.List;
import java.util.concurrent.Callable;
import org.rainbow.bench.harness.SpringProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rainbow bench-speed [options]}: benchmark P2. */
@Command(name = "speed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark P2, the speed layer: throughput of capture (stream-bridge against Kafka Connect with"
                + " Debezium's connector, and the Debezium engine alone) on a backlog of --orders orders, end to end into"
                + " ClickHouse, and freshness at --rate orders/s for --seconds. Prints PASS/FAIL per goal.",
                "Options with a dot go to stream-bridge as Spring properties: --<spring.property>=<value>."})
public final class SpeedCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "30000", description = "orders of the backlog (3 row events each), default ${DEFAULT-VALUE}")
    private int orders;

    @Option(names = "--rate", defaultValue = "1000", description = "orders/s of the freshness phase, default ${DEFAULT-VALUE}")
    private int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds of the freshness phase, default ${DEFAULT-VALUE}")
    private int seconds;

    @Mixin
    private SpringProperties bridgeProperties;

    /** What one run does; {@code bridgeProperties} as {@code --name=value} arguments of stream-bridge. */
    record Options(int orders, int rate, int seconds, List<String> bridgeProperties) {
    }

    @Override
    public Integer call() throws Exception {
        SpeedBenchmark.run(new Options(orders, rate, seconds, bridgeProperties.asArguments()));
        return 0;
    }
}
