package org.rainbow.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** R2: {@code kill -9} of stream-bridge five times at random moments under traffic; each time it is restarted. */
final class BridgeKills extends Scenario {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    BridgeKills() {
        super("R2", "bridge-kill-9-x5");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        List<Long> backAfter = new ArrayList<>();
        Random moments = new Random();
        OrderTraffic traffic = new OrderTraffic(stack, shop, 4, 80, 20_000).start();
        // Kills come at random moments of steady traffic. In its first minute a fresh stack's rainbow-api compiles
        // its hot paths and takes most of a core (measured: 60-85 % at 80 orders/s, against 40-50 % a minute later),
        // and on two cores a bridge restarted then took twice as long as later ones.
        FaultStack.await("the first 4,000 orders", Duration.ofMinutes(3), () -> traffic.requested() >= 4_000);
        for (int kill = 1; kill <= 5; kill++) {
            Thread.sleep(2_000 + moments.nextInt(8_000));
            stack.kill("stream-bridge");
            long killed = System.nanoTime();
            try {
                FaultStack.await("stream-bridge back", BACK_WITHIN, () -> stack.running("stream-bridge"));
                backAfter.add((System.nanoTime() - killed) / 1_000_000);
            } catch (AssertionError notBack) {
                failures.add("kill " + kill + ": stream-bridge not back within " + BACK_WITHIN.toSeconds() + " s");
                FaultStack.await("stream-bridge back", Duration.ofMinutes(2), () -> stack.running("stream-bridge"));
            }
        }
        OrderTraffic.Outcome outcome = traffic.await();
        Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(3));
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures,
                List.of("stream-bridge back (healthy) after " + backAfter + " ms"), Duration.ofNanos(System.nanoTime() - began));
    }
}
