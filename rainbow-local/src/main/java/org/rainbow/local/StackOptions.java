package org.rainbow.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of {@code ./rainbow up}, from {@code --name=value} arguments. Every port of ARCHITECTURE.md
 * section 3 can be moved; state lives under {@code --state} (default {@code .rainbow/}).
 */
record StackOptions(Path stateDirectory, boolean fresh, int postgresPort, int apiPort, int pipelinePort, int kafkaPort,
                    int bridgePort, int servingPort, int controlPort,
                    double ordersPerSecond, int historyDays, int historyOrdersPerDay, long seed) {

    /** The launcher's control API (./rainbow ps, stop, start, restart), on loopback. */
    static final int DEFAULT_CONTROL_PORT = 8084;

    static StackOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        StackOptions options = new StackOptions(
                Path.of(values.getOrDefault("state", ".rainbow")).toAbsolutePath(),
                Boolean.parseBoolean(values.getOrDefault("fresh", "false")),
                Integer.parseInt(values.getOrDefault("postgres-port", "15432")),
                Integer.parseInt(values.getOrDefault("api-port", "8080")),
                Integer.parseInt(values.getOrDefault("pipeline-port", "8082")),
                Integer.parseInt(values.getOrDefault("kafka-port", "19092")),
                Integer.parseInt(values.getOrDefault("bridge-port", "8083")),
                Integer.parseInt(values.getOrDefault("serving-port", "8081")),
                Integer.parseInt(values.getOrDefault("control-port", String.valueOf(DEFAULT_CONTROL_PORT))),
                Double.parseDouble(values.getOrDefault("rate", "5")),
                Integer.parseInt(values.getOrDefault("history-days", "37")),
                Integer.parseInt(values.getOrDefault("history-orders-per-day", "150")),
                Long.parseLong(values.getOrDefault("seed", "42")));
        values.keySet().removeAll(java.util.Set.of("state", "fresh", "postgres-port", "api-port", "pipeline-port",
                "kafka-port", "bridge-port", "serving-port", "control-port", "rate",
                "history-days", "history-orders-per-day", "seed"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", values.keySet()));
        }
        return options;
    }

    static String usage() {
        return """
                usage: ./rainbow up [--fresh] [--state=.rainbow] [--postgres-port=15432] [--api-port=8080]
                                    [--pipeline-port=8082] [--kafka-port=19092] [--bridge-port=8083] [--serving-port=8081]
                                    [--control-port=8084]
                                    [--rate=5] [--history-days=37] [--history-orders-per-day=150] [--seed=42]
                       ./rainbow status [--from D] [--to D]      assets per partition (default: the last 7 days)
                       ./rainbow run-partition --date D          run (or re-run) one day's partition
                       ./rainbow backfill --from D --to D        run a range of days in parallel, with progress
                       ./rainbow ps                              every part of the stack: state, pid, restarts, health
                       ./rainbow stop|start|restart NAME         stop a part (it stays down), start it, or both
                  --fresh       delete the local state (database, Kafka logs, DuckDB files, logs) and start from scratch
                  --kafka-port  first of the three brokers' ports (controllers listen 100 above)
                  --rate    live orders per second placed by the traffic generator
                """;
    }
}
