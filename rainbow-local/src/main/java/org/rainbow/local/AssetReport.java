package org.rainbow.local;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code ./rainbow status}: the batch layer's assets and checks per partition, as batch-pipeline reports them. */
final class AssetReport {

    private static final String ROW = "%-11s %-56s %-13s %9s %9s %9s %8s  %s%n";

    private AssetReport() {
    }

    /** Every asset of every partition, each check on it below it; failing rows under a failed check. */
    static void printStatus(JsonNode status) {
        System.out.println("watermark: " + status.get("watermark").asString());
        System.out.printf(ROW, "partition", "asset / check", "state", "rows", "inserted", "updated", "ms", "note");
        for (JsonNode partition : status.get("partitions")) {
            for (JsonNode asset : partition.get("assets")) {
                printState(partition.get("partition").asString(), asset.get("asset").asString(), asset);
            }
        }
    }

    /** One asset: what it reads and feeds, its state per partition with its checks, its compiled SQL. */
    static void printAsset(JsonNode report) {
        JsonNode asset = report.get("asset");
        System.out.println(asset.get("name").asString() + " (" + asset.get("kind").asString().toLowerCase() + ", "
                + asset.get("group").asString() + ")");
        System.out.println("  reads:  " + join(asset.get("upstream")));
        System.out.println("  feeds:  " + join(report.get("downstream")));
        System.out.println("  checks: " + join(asset.get("checks")));
        System.out.printf(ROW, "partition", "asset / check", "state", "rows", "inserted", "updated", "ms", "note");
        for (JsonNode state : report.get("partitions")) {
            printState(state.get("materialization").get("partition").asString(), asset.get("name").asString(), state);
        }
        JsonNode sql = report.get("compiledSql").get(asset.get("name").asString());
        if (sql != null && !sql.isNull()) {
            System.out.println("\ncompiled SQL (newest materialization):\n" + sql.asString());
        }
    }

    private static void printState(String partition, String name, JsonNode state) {
        JsonNode m = state.get("materialization");
        String note = m.get("message").isNull() ? String.join("; ", strings(state.get("staleCauses")))
                : m.get("message").asString().lines().findFirst().orElse("");
        System.out.printf(ROW, partition, name, state.get("state").asString(), number(m.get("rows")),
                number(m.get("inserted")), number(m.get("updated")), m.get("durationMillis").asLong(), note);
        for (JsonNode check : state.get("checks")) {
            boolean failed = !check.get("status").asString().equals("PASSED");
            System.out.printf(ROW, partition, "  check " + check.get("check").asString(), check.get("status").asString(),
                    check.get("failingRows").asLong(), "", "", "", failed && !check.get("message").isNull()
                            ? check.get("message").asString().lines().findFirst().orElse("") : "");
            if (failed) {
                for (JsonNode row : check.get("sample")) {
                    System.out.println("              " + row);
                }
            }
        }
    }

    private static String number(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String join(JsonNode array) {
        return array.isEmpty() ? "-" : String.join(", ", strings(array));
    }
}
