package org.rainbow.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R9: {@code kill -9} of each part of the stack in turn, engines and services, under traffic: each is back
 * (healthy) within 30 s, the rest kept running, and the unified view still equals PostgreSQL afterwards.
 */
final class EveryPartKill extends Scenario {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);
    private static final List<String> PARTS = List.of("postgres", "kafka-0", "clickhouse", "rainbow-api",
            "batch-pipeline", "serving-api", "stream-bridge");

    EveryPartKill() {
        super("R9", "kill-9-each-part");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        Map<String, Long> backAfter = new LinkedHashMap<>();
        OrderTraffic traffic = new OrderTraffic(stack, shop, 4, 20, 6_000).start();
        for (String part : PARTS) {
            Thread.sleep(5_000);
            stack.kill(part);
            long killed = System.nanoTime();
            try {
                FaultStack.await(part + " back", BACK_WITHIN, () -> stack.running(part));
                backAfter.put(part, (System.nanoTime() - killed) / 1_000_000);
            } catch (AssertionError notBack) {
                failures.add(part + " was not back within " + BACK_WITHIN.toSeconds() + " s");
                FaultStack.await(part + " back", Duration.ofMinutes(2), () -> stack.running(part));
            }
            for (String other : PARTS) {
                if (!other.equals(part) && !stack.part(other).get("state").asString().matches("RUNNING|STARTING")) {
                    failures.add("killing " + part + " took " + other + " down");
                }
            }
        }
        OrderTraffic.Outcome outcome = traffic.await();
        Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(3));
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures,
                List.of("back (healthy) after, in ms: " + backAfter), Duration.ofNanos(System.nanoTime() - began));
    }
}
