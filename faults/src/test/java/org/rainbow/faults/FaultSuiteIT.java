package org.rainbow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The fault-injection suite: one local stack as {@code ./rainbow up} runs it (ClickHouse serving), the scenarios
 * of {@code -Drainbow.faults} in turn (all of them by {@code ./rainbow faults}), one line each:
 * {@code R<n> <name> sent <n> arrived <n> lost <n> doubled <n> PASS|FAIL}. Any loss, double or broken promise
 * fails the build.
 */
class FaultSuiteIT {

    private static final List<String> STACK_OPTIONS = List.of("--history-days=3", "--history-orders-per-day=60",
            "--rate=1", "--heartbeat=2s");

    @Test
    void injectedFaultsLoseNothingAndDoubleNothing() throws Exception {
        List<String> selected = Arrays.stream(System.getProperty("rainbow.faults", "R1,R2,R3,R4,R5,R6,R7,R8,R9")
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Path directory = Files.createTempDirectory("rainbow-faults");
        List<Scenario> scenarios = new ArrayList<>(List.of(new BrokerStop(), new BridgeKills(), new StoreOutage(),
                new PartitionKill(3), new HostileRequests(), new DatabaseKill(), new IdleWal(), new EveryPartKill(),
                new WholeStackKill(directory, List.of("--history-days=4", "--history-orders-per-day=300", "--rate=0"))));
        scenarios.removeIf(s -> !selected.contains(s.id()));
        assertThat(scenarios).as("scenarios %s", selected).isNotEmpty();

        List<ScenarioResult> results = new ArrayList<>();
        long began = System.nanoTime();
        FaultStack stack = new FaultStack(directory.resolve("stack"), FaultStack.Ports.standard(), STACK_OPTIONS);
        try {
            stack.up(Duration.ofMinutes(5));
            stack.awaitBatchLayer(Duration.ofMinutes(5));
            System.out.printf("%nFault suite: stack up in %d s (%s)%n", (System.nanoTime() - began) / 1_000_000_000,
                    directory);
            for (Scenario scenario : scenarios) {
                ScenarioResult result = run(scenario, stack);
                results.add(result);
                System.out.println(result.line() + "   (" + result.took().toSeconds() + " s)");
                result.notes().forEach(n -> System.out.println("      " + n));
                result.failures().forEach(f -> System.out.println("      FAILED: " + f));
            }
        } finally {
            stack.close();
        }
        StringBuilder table = new StringBuilder();
        results.forEach(r -> table.append(r.line()).append('\n'));
        table.append(String.format("%d scenarios in %d s%n", results.size(), (System.nanoTime() - began) / 1_000_000_000));
        System.out.println("\n" + table);
        Path report = Path.of("target", "faults-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table.toString());
        if (results.stream().allMatch(ScenarioResult::passed)) {
            // Hundreds of megabytes of databases and logs; they are kept only when something failed.
            FileSystemUtils.deleteRecursively(directory);
        } else {
            System.out.println("The stacks' state and logs are kept in " + directory);
        }
        assertThat(results).filteredOn(r -> !r.passed()).extracting(ScenarioResult::line).isEmpty();
    }

    private static ScenarioResult run(Scenario scenario, FaultStack stack) {
        long began = System.nanoTime();
        try {
            return scenario.run(stack);
        } catch (Exception | AssertionError e) {
            return new ScenarioResult(scenario.id(), scenario.name(), 0, 0, 0, 0,
                    List.of("did not complete: " + e), List.of(), Duration.ofNanos(System.nanoTime() - began));
        }
    }
}
