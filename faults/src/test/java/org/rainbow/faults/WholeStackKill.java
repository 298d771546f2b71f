package org.rainbow.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * R8: {@code kill -9} of every process of the stack under traffic, then {@code ./rainbow up} again: nothing lost
 * or doubled, every Kafka partition back in sync and none given up by a replica fetcher (beyond waiting for a new
 * leader's epoch, see {@link #fetcherFailures}). Then a fresh stack killed during its
 * first start, once while the generator writes the history and once while the batch layer backfills it: the next
 * start finishes both, and every day equals PostgreSQL.
 */
final class WholeStackKill extends Scenario {

    private final Path suiteDirectory;
    private final List<String> firstStartOptions;

    WholeStackKill(Path suiteDirectory, List<String> firstStartOptions) {
        super("R8", "whole-stack-kill-9");
        this.suiteDirectory = suiteDirectory;
        this.firstStartOptions = List.copyOf(firstStartOptions);
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Shop shop = Shop.open(stack, id());
        Map<Path, Long> logsBefore = nodeLogSizes(stack.state());

        OrderTraffic first = new OrderTraffic(stack, shop, 4, 60, 1_200).start();
        Thread.sleep(12_000);
        stack.killEverything();
        notes.add("killed every process after " + first.sentSoFar() + " acknowledged orders");
        long upBegan = System.nanoTime();
        stack.up(Duration.ofMinutes(5));
        notes.add("./rainbow up again: up in " + (System.nanoTime() - upBegan) / 1_000_000_000 + " s");
        // The clients kept retrying their orders (same keys) meanwhile: those finish against the new stack.
        OrderTraffic.Outcome beforeTheKill = first.await();
        OrderTraffic.Outcome afterTheKill = new OrderTraffic(stack, shop, 2, 30, 300).start().await();
        OrderTraffic.Outcome outcome = new OrderTraffic.Outcome(beforeTheKill.sent() + afterTheKill.sent(),
                beforeTheKill.refused() + afterTheKill.refused(), beforeTheKill.unreachable() + afterTheKill.unreachable(),
                beforeTheKill.uncertain() + afterTheKill.uncertain(), afterTheKill.slowestRefusal(), afterTheKill.refusals());
        Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(3));
        try (KafkaChecks kafka = new KafkaChecks(stack.kafkaBootstrap())) {
            List<String> lagging = kafka.awaitInSync(Duration.ofMinutes(2));
            if (!lagging.isEmpty()) {
                failures.add("partitions not in sync after the restart: " + lagging);
            }
        }
        AtomicInteger fenced = new AtomicInteger();
        List<String> fetcherFailures = fetcherFailures(stack.state(), logsBefore, fenced);
        if (!fetcherFailures.isEmpty()) {
            failures.add("Kafka gave partitions up: " + fetcherFailures);
        }
        notes.add("Kafka followers that waited for a new leader's epoch: " + fenced + " partition(s), all back in sync;"
                + " partitions given up otherwise: " + fetcherFailures.size());
        stack.close();

        failures.addAll(interruptedFirstStart(notes));
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures, notes,
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** A first start killed while writing the history, then while backfilling it; the third start finishes. */
    private List<String> interruptedFirstStart(List<String> notes) throws Exception {
        List<String> failures = new ArrayList<>();
        FaultStack fresh = new FaultStack(suiteDirectory.resolve("first-start"), FaultStack.Ports.standard(),
                firstStartOptions);
        try {
            fresh.upInBackground();
            FaultStack.await("the history being written", Duration.ofMinutes(5),
                    () -> historyDaysWritten(fresh) >= 1 && !historyComplete(fresh));
            long daysWritten = historyDaysWritten(fresh);
            fresh.killEverything();
            notes.add("first start killed while the history was written (" + daysWritten + " days done)");

            fresh.up(Duration.ofMinutes(5));
            FaultStack.await("the backfill under way", Duration.ofMinutes(5), () -> fresh.launcherSaid("backfill ["));
            Thread.sleep(3_000);
            fresh.killEverything();
            notes.add("second start killed while the batch layer backfilled");

            fresh.up(Duration.ofMinutes(5));
            fresh.awaitBatchLayer(Duration.ofMinutes(8));
            FaultStack.await("the last export served", Duration.ofMinutes(1), () -> LocalDate.now(ZoneOffset.UTC)
                    .atStartOfDay(ZoneOffset.UTC).toInstant().toString().equals(fresh.call("GET", fresh.servingUrl()
                            + "/api/v1/sales/freshness").get("watermark").asString()));
            if (!historyComplete(fresh)) {
                failures.add("the history is not complete after the third start");
            }
            LocalDate firstDay = fresh.database().queryForObject("select first_day from generator_history_plan",
                    LocalDate.class);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<LocalDate> empty = fresh.database().queryForList("""
                    select d::date from generate_series(?::date, ?::date - 1, interval '1 day') d
                    where not exists (select from orders o where (o.created_at at time zone 'UTC')::date = d::date)""",
                    LocalDate.class, firstDay.toString(), today.toString());
            if (!empty.isEmpty()) {
                failures.add("history days without orders: " + empty);
            }
            // The history was committed today, after the watermark: its orders count from the speed tables, which
            // capture fills again from a fresh snapshot after the second kill. Give the speed layer time to catch up.
            Ledger ledger = new Ledger(fresh);
            List<String> differences = ledger.dailyDifferences(firstDay, today);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!differences.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(2_000);
                differences = ledger.dailyDifferences(firstDay, today);
            }
            differences.forEach(d -> failures.add("after the interrupted first start, day " + d));
            notes.add("third start finished the history from " + firstDay + " and its backfill; every day equals PostgreSQL");
        } finally {
            fresh.close();
        }
        return failures;
    }

    private static long historyDaysWritten(FaultStack stack) {
        try {
            return stack.databaseIfUp().queryForObject("select next_day - first_day from generator_history_plan",
                    Long.class);
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    private static boolean historyComplete(FaultStack stack) {
        try {
            return stack.databaseIfUp().queryForObject("select next_day >= end_day from generator_history_plan",
                    Boolean.class);
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** How far each Kafka node's log reached: what a later {@link #fetcherFailures} reads from. */
    static Map<Path, Long> nodeLogSizes(Path state) throws IOException {
        Map<Path, Long> sizes = new HashMap<>();
        for (Path log : nodeLogs(state)) {
            sizes.put(log, Files.size(log));
        }
        return sizes;
    }

    /**
     * Lines written since {@code from} where a replica fetcher gave a partition up for a reason other than a fenced
     * leader epoch, or failed outright. A fetch sent with the epoch the follower knows, answered by a leader that
     * has moved on, makes Kafka park the partition ("has an older epoch ... will await the new LeaderAndIsr
     * state", then "marked as failed") until the new leadership reaches the follower, which adds it back: that is
     * a wait, not a divergence, and {@link KafkaChecks#awaitInSync} then shows it caught up. {@code fenced} counts
     * those waits.
     */
    static List<String> fetcherFailures(Path state, Map<Path, Long> from, AtomicInteger fenced) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Path log : nodeLogs(state)) {
            List<String> lines;
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(Math.min(from.getOrDefault(log, 0L), file.length()));
                byte[] rest = new byte[(int) (file.length() - file.getFilePointer())];
                file.readFully(rest);
                lines = new String(rest, StandardCharsets.UTF_8).lines().toList();
            }
            Set<String> awaitingLeader = new HashSet<>();
            for (String line : lines) {
                Matcher olderEpoch = OLDER_EPOCH.matcher(line);
                Matcher failed = MARKED_FAILED.matcher(line);
                boolean markedFailed = failed.find();
                if (olderEpoch.find()) {
                    awaitingLeader.add(olderEpoch.group(1));
                } else if (markedFailed && awaitingLeader.remove(failed.group(1))) {
                    fenced.incrementAndGet();
                } else if (markedFailed || line.contains("partitions failed")
                        || (line.contains(" ERROR ") && line.contains("FetcherThread"))) {
                    failures.add(log.getFileName() + ": " + line);
                }
            }
        }
        return failures;
    }

    private static final Pattern OLDER_EPOCH = Pattern.compile("Partition (\\S+) has an older epoch");
    private static final Pattern MARKED_FAILED = Pattern.compile("Partition (\\S+) marked as failed");

    private static List<Path> nodeLogs(Path state) throws IOException {
        try (Stream<Path> logs = Files.list(state.resolve("logs"))) {
            return logs.filter(p -> p.getFileName().toString().startsWith("kafka-")).toList();
        }
    }
}
