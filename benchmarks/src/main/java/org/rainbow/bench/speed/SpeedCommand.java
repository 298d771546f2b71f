package org.rainbow.bench.speed;

import java.util.List;
import java.util.concurrent.Callable;
import org.rainbow.bench.harness.SpringProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./rainbow bench-speed [options]}: benchmark P2. */
@Command(name = "speed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark P2, the speed layer: throughput of capture (stream-bridge against Kafka Connect with"
                + " Debezium's connector, and the Debezium engine alone) on a backlog of --orders orders, end to end into"
                + " ClickHouse, and freshness at --rate orders/s for --seconds; --rounds times on fresh engines. Prints each"
                + " round's figures, their medians and PASS/FAIL per goal on the medians.",
                "Options with a dot go to stream-bridge as Spring properties: --<spring.property>=<value>."})
public final class SpeedCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "30000", description = "orders of the backlog (3 row events each), default ${DEFAULT-VALUE}")
    private int orders;

    @Option(names = "--rate", defaultValue = "1000", description = "orders/s of the freshness phase, default ${DEFAULT-VALUE}")
    private int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds of the freshness phase, default ${DEFAULT-VALUE}")
    private int seconds;

    private int rounds;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SpringProperties bridgeProperties;

    /** What one run does; {@code bridgeProperties} as {@code --name=value} arguments of stream-bridge. */
    record Options(int orders, int rate, int seconds, int rounds, List<String> bridgeProperties) {
    }

    @Option(names = "--rounds", defaultValue = "3",
            description = "runs of every phase, each on fresh engines; the goals judge the medians, default ${DEFAULT-VALUE}")
    void rounds(int rounds) {
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, not " + rounds);
        }
        this.rounds = rounds;
    }

    @Override
    public Integer call() throws Exception {
        SpeedBenchmark.run(new Options(orders, rate, seconds, rounds, bridgeProperties.asArguments()));
        return 0;
    }
}
