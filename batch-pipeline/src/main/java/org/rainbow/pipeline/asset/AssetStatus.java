package org.rainbow.pipeline.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Each asset's state per partition, as Dagster shows it: its newest materialization and check results, and
 * whether it is out of sync — an asset upstream of it materialized after it, or is out of sync itself.
 */
@Service
public class AssetStatus {

    private final AssetStatusRepository repository;
    private final AssetGraph graph;

    AssetStatus(AssetStatusRepository repository, AssetGraph graph) {
        this.repository = repository;
        this.graph = graph;
    }

    /** Every partition in the range that has a record, each asset that was materialized (or tried) in it. */
    public List<PartitionStatus> between(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, AssetStatusRepository.Latest>> latest = new TreeMap<>();
        for (AssetStatusRepository.Latest l : repository.latest(from, to)) {
            latest.computeIfAbsent(l.materialization().partition(), d -> new HashMap<>())
                    .put(l.materialization().asset(), l);
        }
        Map<LocalDate, Map<String, List<CheckResult>>> checks = repository.latestChecks(from, to).stream()
                .collect(Collectors.groupingBy(CheckResult::partition,
                        Collectors.groupingBy(CheckResult::asset)));
        List<PartitionStatus> partitions = new ArrayList<>();
        latest.forEach((day, assets) -> partitions.add(
                partition(day, assets, checks.getOrDefault(day, Map.of()))));
        return partitions;
    }

    /** One asset over the range: its state per partition, every materialization and check evaluation, its SQL. */
    public AssetReport asset(String name, LocalDate from, LocalDate to) {
        AssetNode node = graph.node(name);
        List<AssetState> states = new ArrayList<>();
        for (PartitionStatus partition : between(from, to)) {
            partition.assets().stream().filter(a -> a.asset().equals(name)).findFirst().ifPresent(states::add);
        }
        return new AssetReport(node, graph.downstreamOf(name), states, repository.history(name, from, to),
                repository.checkHistory(name, from, to), repository.compiledSql(name));
    }

    /** What one run recorded, in order: the step log of its assets and checks. */
    public RunRecords ofRun(long runId) {
        return new RunRecords(repository.ofRun(runId), repository.checksOfRun(runId));
    }

    /**
     * The watermark is the end of the last partition in the unbroken run of exported days from the first one: a
     * gap (a day not yet exported, or failed) holds it back, so serving never trusts a missing day.
     */
    public Instant watermark() {
        return watermarkOf(new TreeSet<>(repository.materializedDays(AssetGraph.EXPORT_BATCH_VIEWS)));
    }

    /** The watermark once {@code exporting} is exported too. */
    public Instant watermarkWith(LocalDate exporting) {
        TreeSet<LocalDate> days = new TreeSet<>(repository.materializedDays(AssetGraph.EXPORT_BATCH_VIEWS));
        days.add(exporting);
        return watermarkOf(days);
    }

    private static Instant watermarkOf(TreeSet<LocalDate> days) {
        if (days.isEmpty()) {
            return Instant.EPOCH;
        }
        LocalDate last = days.first();
        for (LocalDate day : days.tailSet(last, false)) {
            if (!day.equals(last.plusDays(1))) {
                break;
            }
            last = day;
        }
        return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private PartitionStatus partition(LocalDate day, Map<String, AssetStatusRepository.Latest> latest,
                                      Map<String, List<CheckResult>> checks) {
        Map<String, List<String>> staleCauses = new HashMap<>();
        List<AssetState> assets = new ArrayList<>();
        for (AssetNode node : graph.nodes()) {
            AssetStatusRepository.Latest own = latest.get(node.name());
            if (own == null) {
                continue;
            }
            List<String> causes = new ArrayList<>();
            if (own.lastMaterializedAt() != null) {
                for (String up : node.upstream()) {
                    AssetStatusRepository.Latest upstream = latest.get(up);
                    if (upstream != null && upstream.lastMaterializedAt() != null
                            && upstream.lastMaterializedAt().isAfter(own.lastMaterializedAt())) {
                        causes.add(up + " materialized after it");
                    } else if (!staleCauses.getOrDefault(up, List.of()).isEmpty()) {
                        causes.add(up + " is out of sync");
                    }
                }
            }
            staleCauses.put(node.name(), causes);
            List<CheckResult> ownChecks = checks.getOrDefault(node.name(), List.of());
            assets.add(new AssetState(node.name(), state(own.materialization(), ownChecks, causes),
                    own.materialization(), own.lastMaterializedAt(), !causes.isEmpty(), causes, ownChecks));
        }
        return new PartitionStatus(day, assets);
    }

    private static State state(Materialization m, List<CheckResult> checks, List<String> staleCauses) {
        return switch (m.status()) {
            case FAILED -> State.FAILED;
            case SKIPPED -> State.SKIPPED;
            case MATERIALIZED -> checks.stream().anyMatch(c -> c.status() != CheckResult.Status.PASSED)
                    ? State.CHECK_FAILED : staleCauses.isEmpty() ? State.OK : State.OUT_OF_SYNC;
        };
    }

    /** What the grid shows: green, amber, red (the asset or a check on it), grey. */
    public enum State { OK, OUT_OF_SYNC, FAILED, CHECK_FAILED, SKIPPED }

    public record PartitionStatus(LocalDate partition, List<AssetState> assets) {
    }

    /**
     * One asset in one partition: its state, its newest materialization (which may be a failure or a skip, with
     * why), when it last materialized successfully, whether and why it is out of sync, its checks' newest results.
     */
    public record AssetState(String asset, State state, Materialization materialization, Instant lastMaterializedAt,
                             boolean outOfSync, List<String> staleCauses, List<CheckResult> checks) {
    }

    public record AssetReport(AssetNode asset, List<String> downstream, List<AssetState> partitions,
                              List<Materialization> history, List<CheckResult> checkHistory,
                              Map<String, String> compiledSql) {
    }

    public record RunRecords(List<Materialization> materializations, List<CheckResult> checks) {
    }
}
