package org.rainbow.bench;

import java.util.Arrays;

/** Entry point of {@code ./rainbow bench}: {@code orders} compares order placement through the API with raw JDBC. */
public final class RainbowBench {

    private RainbowBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("orders")) {
            System.err.print(BenchOptions.usage());
            System.exit(args.length == 0 ? 0 : 2);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.usage());
            System.exit(2);
            return;
        }
        new OrdersBenchmark(options, System.out).run();
        // Missing the goal is a finding, not an error; exit explicitly so no leftover pool thread keeps the JVM up.
        System.exit(0);
    }
}
