package org.rainbow.local;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code ./rainbow status | run-partition | backfill}: the batch layer's operations against a running stack. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    static int run(String command, String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        Path state = Path.of(options.getOrDefault("state", ".rainbow")).toAbsolutePath();
        PipelineClient pipeline = new PipelineClient(options.getOrDefault("pipeline-url", "http://127.0.0.1:8082"),
                ApiToken.forCommands(state));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        switch (command) {
            case "run-partition" -> {
                LocalDate day = LocalDate.parse(required(options, "date"));
                System.out.println("Running partition " + day + " ...");
                JsonNode run = pipeline.runPartition(day);
                System.out.println("Partition " + day + ": " + run.get("status").asString());
                printStatus(pipeline.assets(day, day));
                return run.get("status").asString().equals("COMPLETED") ? 0 : 1;
            }
            case "backfill" -> {
                LocalDate from = LocalDate.parse(required(options, "from"));
                LocalDate to = LocalDate.parse(required(options, "to"));
                JsonNode done = pipeline.followBackfill(pipeline.startBackfill(from, to).get("executionId").asLong());
                System.out.println("Backfill " + done.get("status").asString() + " (execution "
                        + done.get("executionId").asLong() + ")");
                return done.get("status").asString().equals("COMPLETED") ? 0 : 1;
            }
            case "status" -> {
                LocalDate to = LocalDate.parse(options.getOrDefault("to", today.toString()));
                LocalDate from = LocalDate.parse(options.getOrDefault("from", to.minusDays(6).toString()));
                printStatus(pipeline.assets(from, to));
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static void printStatus(JsonNode status) {
        System.out.println("watermark: " + status.get("watermark").asString());
        System.out.printf("%-11s %-26s %-13s %9s %10s %8s %-7s %s%n", "partition", "asset", "status", "rows", "bytes",
                "ms", "checks", "sync");
        for (JsonNode partition : status.get("partitions")) {
            for (JsonNode asset : partition.get("assets")) {
                JsonNode m = asset.get("materialization");
                System.out.printf("%-11s %-26s %-13s %9d %10d %8d %-7s %s%n", partition.get("partition").asString(),
                        m.get("asset").asString(), m.get("status").asString(), m.get("rows").asLong(),
                        m.get("bytes").asLong(), m.get("durationMillis").asLong(),
                        m.get("checksPassed").asInt() + "/" + (m.get("checksPassed").asInt() + m.get("checksFailed").asInt()),
                        asset.get("outOfSync").asBoolean() ? "OUT OF SYNC" : "ok");
            }
        }
    }

    /** {@code --name value} and {@code --name=value} both work. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                options.put(args[i].substring(2, eq), args[i].substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
