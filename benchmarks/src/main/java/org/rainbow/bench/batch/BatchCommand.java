package org.rainbow.bench.batch;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rainbow bench-batch [options]}: benchmark P3. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark P3, the batch layer: one daily partition of --lines order lines, time per step and"
                + " rows/s, against the floor (PostgreSQL COPY + DuckDB to Parquet and back); then the backfill"
                + " speed-up from 1 to 2 partitions at a time. Prints PASS/FAIL per goal.")
public final class BatchCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "1000000", description = "order lines of the measured day, default ${DEFAULT-VALUE}")
    private long lines;

    @Option(names = "--backfill-days", defaultValue = "4", description = "days of the backfill, default ${DEFAULT-VALUE}")
    private int backfillDays;

    @Option(names = "--backfill-lines", defaultValue = "100000",
            description = "order lines of each backfilled day, default ${DEFAULT-VALUE}")
    private long backfillLines;

    @Override
    public Integer call() throws Exception {
        BatchBenchmark.run(lines, backfillDays, backfillLines);
        return 0;
    }
}
