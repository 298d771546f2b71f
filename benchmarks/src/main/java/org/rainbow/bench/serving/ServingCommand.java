package org.rainbow.bench.serving;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rainbow bench-serving [options]}: benchmark P4. */
@Command(name = "serving", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark P4, the serving layer: p50/p99 of /api/v1/sales/daily (30 and 365 days) over --lines"
                + " fact rows plus a day of speed rows, on ClickHouse and DuckDB, against the batch-only query."
                + " Prints PASS/FAIL per goal.")
public final class ServingCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "10000000", description = "batch fact rows, default ${DEFAULT-VALUE}")
    private long lines;

    @Option(names = "--days", defaultValue = "365", description = "days the fact rows span, default ${DEFAULT-VALUE}")
    private int days;

    @Option(names = "--requests", defaultValue = "300", description = "timed calls per query and range, default ${DEFAULT-VALUE}")
    private int requests;

    @Option(names = "--engines", defaultValue = "clickhouse,duckdb", split = ",",
            description = "serving stores to measure, default ${DEFAULT-VALUE}")
    private List<Engine> engines;

    @Option(names = "--speed-history", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "the speed tables also hold the whole history, as after months of streaming")
    private boolean speedHistory;

    @Override
    public Integer call() throws Exception {
        ServingBenchmark.run(lines, days, requests, engines, speedHistory);
        return 0;
    }
}
