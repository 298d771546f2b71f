package org.rainbow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Operations against a running stack: {@code ./rainbow status | run-partition | backfill | materialize | rerun} on
 * the batch layer, {@code ./rainbow ps | stop | start | restart} on the launcher's supervision.
 */
final class OperatorCommands {

    private OperatorCommands() {
    }

    static final java.util.Set<String> COMMANDS = java.util.Set.of("status", "run-partition", "backfill", "materialize",
            "rerun", "ps", "stop", "start", "restart");

    static int run(String command, String[] args) throws InterruptedException {
        if (java.util.Set.of("stop", "start", "restart").contains(command)) {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new IllegalArgumentException("./rainbow " + command + " NAME: which part? (./rainbow ps lists them)");
            }
            String name = args[0];
            Map<String, String> options = options(java.util.Arrays.copyOfRange(args, 1, args.length));
            JsonNode status = control(options).send("POST", controlUrl(options) + "/api/v1/services/" + name + "/"
                    + command, Duration.ofMinutes(2));
            System.out.println(name + ": " + status.get("state").asString());
            return 0;
        }
        Map<String, String> options = options(args);
        if (command.equals("ps")) {
            printServices(control(options).send("GET", controlUrl(options) + "/api/v1/services", Duration.ofSeconds(30)));
            return 0;
        }
        Path state = Path.of(options.getOrDefault("state", ".rainbow")).toAbsolutePath();
        PipelineClient pipeline = new PipelineClient(options.getOrDefault("pipeline-url", "http://127.0.0.1:8082"),
                ApiToken.forCommands(state));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        switch (command) {
            case "run-partition" -> {
                return runPartition(pipeline, LocalDate.parse(required(options, "date")), options.get("select"));
            }
            case "backfill" -> {
                return backfill(pipeline, LocalDate.parse(required(options, "from")),
                        LocalDate.parse(required(options, "to")), options.get("select"));
            }
            case "materialize" -> {
                String select = required(options, "select");
                return options.containsKey("date") ? runPartition(pipeline, LocalDate.parse(options.get("date")), select)
                        : backfill(pipeline, LocalDate.parse(required(options, "from")),
                                LocalDate.parse(required(options, "to")), select);
            }
            case "rerun" -> {
                long execution = Long.parseLong(required(options, "execution"));
                System.out.println("Running the failed days of execution " + execution + " again ...");
                JsonNode run = pipeline.restart(execution);
                System.out.println("Execution " + run.get("execution_id").asLong() + ": " + run.get("status").asString());
                return run.get("status").asString().equals("COMPLETED") ? 0 : 1;
            }
            case "status" -> {
                LocalDate to = LocalDate.parse(options.getOrDefault("to", today.toString()));
                LocalDate from = LocalDate.parse(options.getOrDefault("from", to.minusDays(6).toString()));
                if (options.containsKey("asset")) {
                    AssetReport.printAsset(pipeline.asset(options.get("asset"), from, to));
                } else {
                    AssetReport.printStatus(pipeline.assets(from, to));
                }
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static int runPartition(PipelineClient pipeline, LocalDate day, String select) {
        System.out.println("Running partition " + day + (select == null ? "" : " (" + select + ")") + " ...");
        JsonNode run = pipeline.runPartition(day, select);
        System.out.println("Partition " + day + ": " + run.get("status").asString() + " (execution "
                + run.get("execution_id").asLong() + ")");
        AssetReport.printStatus(pipeline.assets(day, day));
        return run.get("status").asString().equals("COMPLETED") ? 0 : 1;
    }

    private static int backfill(PipelineClient pipeline, LocalDate from, LocalDate to, String select)
            throws InterruptedException {
        JsonNode done = pipeline.followBackfill(pipeline.startBackfill(from, to, select).get("executionId").asLong());
        System.out.println("Backfill " + done.get("status").asString() + " (execution "
                + done.get("executionId").asLong() + ")");
        return done.get("status").asString().equals("COMPLETED") ? 0 : 1;
    }

    private static JsonHttp control(Map<String, String> options) {
        return new JsonHttp(ApiToken.forCommands(Path.of(options.getOrDefault("state", ".rainbow")).toAbsolutePath()));
    }

    private static String controlUrl(Map<String, String> options) {
        return "http://127.0.0.1:" + options.getOrDefault("control-port", String.valueOf(StackOptions.DEFAULT_CONTROL_PORT));
    }

    private static void printServices(JsonNode services) {
        System.out.printf("%-15s %-12s %8s %9s %-8s %-20s %s%n", "PART", "STATE", "PID", "RESTARTS", "HEALTH", "SINCE",
                "LOG");
        for (JsonNode service : services) {
            JsonNode pid = service.get("pid");
            System.out.printf("%-15s %-12s %8s %9d %-8s %-20s %s%n", service.get("name").asString(),
                    service.get("state").asString(), pid == null || pid.isNull() ? "-" : pid.asString(),
                    service.get("restarts").asInt(), service.get("healthy").asBoolean() ? "UP" : "DOWN",
                    service.get("since").asString().replaceFirst("\\.\\d+Z$", "Z"), service.get("log").asString());
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
