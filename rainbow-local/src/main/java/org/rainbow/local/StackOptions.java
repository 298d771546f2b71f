package org.rainbow.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of {@code ./rainbow up}, from {@code --name=value} arguments. Every port of the README's port
 * table can be moved; state lives under {@code --state} (default {@code .rainbow/}).
 */
record StackOptions(Path stateDirectory, boolean fresh, int postgresPort, int apiPort, int pipelinePort, int kafkaPort,
                    int bridgePort, int servingPort, int controlPort, Serving serving, int clickhousePort,
                    java.time.Duration captureHeartbeat,
                    double ordersPerSecond, int historyDays, int historyOrdersPerDay, long seed) {

    /**
     * The serving store: DuckDB (a file owned by serving-api, which then hosts the speed sink) or ClickHouse 26.7
     * (chDB's engine, as the tests run it; stream-bridge writes its speed tables, as in production).
     */
    enum Serving {
        DUCKDB, CLICKHOUSE;

        static Serving of(String value) {
            return switch (value) {
                case "duckdb" -> DUCKDB;
                case "clickhouse" -> CLICKHOUSE;
                default -> throw new IllegalArgumentException("--serving is duckdb or clickhouse, not " + value);
            };
        }
    }

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
                Serving.of(values.getOrDefault("serving", "duckdb")),
                Integer.parseInt(values.getOrDefault("clickhouse-port", "8123")),
                java.time.Duration.ofSeconds(Long.parseLong(values.getOrDefault("heartbeat", "10s").replaceFirst("s$", ""))),
                Double.parseDouble(values.getOrDefault("rate", "5")),
                Integer.parseInt(values.getOrDefault("history-days", "37")),
                Integer.parseInt(values.getOrDefault("history-orders-per-day", "150")),
                Long.parseLong(values.getOrDefault("seed", "42")));
        values.keySet().removeAll(java.util.Set.of("state", "fresh", "postgres-port", "api-port", "pipeline-port",
                "kafka-port", "bridge-port", "serving-port", "control-port", "serving", "clickhouse-port", "heartbeat", "rate",
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
                                    [--control-port=8084] [--serving=duckdb|clickhouse] [--clickhouse-port=8123]
                                    [--heartbeat=10s]
                                    [--rate=5] [--history-days=37] [--history-orders-per-day=150] [--seed=42]
                       ./rainbow status [--from D] [--to D]      assets per partition (default: the last 7 days)
                       ./rainbow run-partition --date D          run (or re-run) one day's partition
                       ./rainbow backfill --from D --to D        run a range of days in parallel, with progress
                       ./rainbow ps                              every part of the stack: state, pid, restarts, health
                       ./rainbow stop|start|restart NAME         stop a part (it stays down), start it, or both
                  --fresh       delete the local state (database, Kafka logs, DuckDB files, logs) and start from scratch
                  --kafka-port  first of the three brokers' ports (controllers listen 100 above)
                  --rate    live orders per second placed by the traffic generator
                  --serving     the serving store: duckdb (default) or clickhouse (ClickHouse 26.7 from chDB's npm
                                package: needs npm and gcc on first use; native protocol on clickhouse-port + 1)
                  --heartbeat   how often change capture writes its heartbeat (moves the replication slot when idle)
                """;
    }
}
