package org.rainbow.bench.orders;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.rainbow.bench.harness.SpringProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./rainbow bench [options]}: benchmark P1. */
@Command(name = "orders", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark P1, the order API: times the first 1,000 orders of a freshly started API; then places"
                + " orders of 3 lines with raw JDBC (the ceiling) and through POST /api/v1/orders, each from --clients"
                + " concurrent clients for --warmup + --seconds seconds; then --rate orders/s arriving at a fixed pace"
                + " for --seconds. Prints orders/s, latency percentiles, CPU per order and PASS/FAIL per goal.",
                "Options with a dot go to rainbow-api as Spring properties: --<spring.property>=<value>."})
public final class OrdersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--clients", defaultValue = "32", description = "concurrent clients (1-150), default ${DEFAULT-VALUE}")
    private int clients;

    @Option(names = "--warmup", defaultValue = "10", description = "seconds of warm-up per phase, default ${DEFAULT-VALUE}")
    private long warmup;

    @Option(names = "--seconds", defaultValue = "30", description = "seconds measured per phase, default ${DEFAULT-VALUE}")
    private long seconds;

    @Option(names = "--rate", defaultValue = "500", description = "orders/s of the paced phase, default ${DEFAULT-VALUE}")
    private int rate;

    @Mixin
    private SpringProperties apiProperties;

    @Override
    public Integer call() throws Exception {
        OrdersOptions options;
        try {
            options = new OrdersOptions(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rate,
                    apiProperties.values());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        new OrdersBenchmark(options, System.out).run();
        return 0;
    }
}
