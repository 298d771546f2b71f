package org.rainbow.bench;

import org.rainbow.bench.batch.BatchCommand;
import org.rainbow.bench.harness.SpringProperties;
import org.rainbow.bench.orders.OrdersCommand;
import org.rainbow.bench.serving.ServingCommand;
import org.rainbow.bench.speed.SpeedCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks' one entry point ({@code java -jar benchmarks/target/benchmarks.jar <benchmark> [options]}, or
 * {@code ./rainbow bench}, {@code bench-speed}, {@code bench-batch}, {@code bench-serving}). A missed goal is a
 * finding, not an error: a run that printed its figures exits 0, a wrong option 2, a failed set-up 1.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        description = "Rainbow's benchmarks P1-P4 on embedded real engines; each prints its figures and PASS/FAIL per goal.",
        subcommands = {OrdersCommand.class, SpeedCommand.class, BatchCommand.class, ServingCommand.class})
public final class Benchmarks implements Runnable {

    public static void main(String[] args) {
        // Exit explicitly: pool threads of the engines' clients must not keep the JVM up after the figures.
        System.exit(commandLine().execute(args));
    }

    /** The command line of all four; a benchmark that hands Spring properties on takes the options it does not know. */
    static CommandLine commandLine() {
        CommandLine benchmarks = new CommandLine(new Benchmarks()).setCaseInsensitiveEnumValuesAllowed(true);
        // A subcommand takes its parser settings from the top command, so this is set after them.
        benchmarks.getSubcommands().values().stream()
                .filter(benchmark -> benchmark.getMixins().values().stream().anyMatch(SpringProperties.class::isInstance))
                .forEach(benchmark -> benchmark.setUnmatchedArgumentsAllowed(true));
        return benchmarks;
    }

    /** Without a benchmark named: what there is to run. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
