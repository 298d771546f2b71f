package org.rainbow.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code ./rainbow bench orders}, from {@code --name=value} arguments. Any other option whose name
 * holds a dot (e.g. {@code --spring.datasource.hikari.maximum-pool-size=32}) is handed to rainbow-api as a
 * Spring property, so a tuning idea can be measured without a rebuild.
 */
record BenchOptions(int clients, Duration warmup, Duration measure, int rate, Map<String, String> apiProperties) {

    private static final Set<String> NAMES = Set.of("clients", "warmup", "seconds", "rate");

    BenchOptions {
        if (clients < 1 || clients > 150) {
            // Each raw-JDBC client holds a connection, and PostgreSQL allows 200 next to the API's pool.
            throw new IllegalArgumentException("--clients must be between 1 and 150");
        }
        if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --seconds > 0");
        }
        if (rate < 1 || rate > 20_000) {
            throw new IllegalArgumentException("--rate must be between 1 and 20000 orders/s");
        }
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> apiProperties = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (NAMES.contains(name)) {
                values.put(name, value);
            } else if (name.contains(".")) {
                apiProperties.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new BenchOptions(
                Integer.parseInt(values.getOrDefault("clients", "32")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "10"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "30"))),
                Integer.parseInt(values.getOrDefault("rate", "500")),
                Map.copyOf(apiProperties));
    }

    static String usage() {
        return """
                usage: ./rainbow bench [--clients=32] [--warmup=10] [--seconds=30] [--rate=500]
                                       [--<spring.property>=<value> ...]
                  (or: java -jar bench/target/rainbow-bench.jar orders [options])
                  Times the first 1,000 orders of a freshly started API; then places orders of 3 lines with raw
                  JDBC (the ceiling) and through POST /api/v1/orders, each from --clients concurrent clients for
                  --warmup + --seconds seconds; then --rate orders/s arriving at a fixed pace for --seconds.
                  Prints orders/s, latency percentiles, CPU per order and PASS/FAIL per goal. Options with a dot
                  go to rainbow-api as Spring properties.
                """;
    }
}
