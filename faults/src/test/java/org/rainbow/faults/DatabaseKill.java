package org.rainbow.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * R6: PostgreSQL killed ({@code kill -9}) under traffic and restarted by the launcher, then stopped for 15 s:
 * meanwhile the API answers 503 within about two seconds, the generator backs off and resumes, capture resumes
 * from its replication slot, nothing is lost.
 */
final class DatabaseKill extends Scenario {

    private static final Duration REFUSED_WITHIN = Duration.ofMillis(2_500);

    DatabaseKill() {
        super("R6", "postgres-kill-9");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        OrderTraffic traffic = new OrderTraffic(stack, shop, 4, 40, 3_600).start();
        Thread.sleep(10_000);
        stack.kill("postgres");
        FaultStack.await("postgres back", Duration.ofSeconds(60), () -> stack.running("postgres"));
        Thread.sleep(15_000);
        stack.stop("postgres");
        Thread.sleep(15_000);
        stack.start("postgres");
        FaultStack.await("postgres back", Duration.ofSeconds(60), () -> stack.running("postgres"));
        Instant back = Instant.now();
        OrderTraffic.Outcome outcome = traffic.await();

        if (outcome.refusals().keySet().stream().anyMatch(status -> status != 503)) {
            failures.add("refusals other than 503: " + outcome.refusals());
        }
        if (outcome.refusals().getOrDefault(503, 0L) == 0) {
            failures.add("no request saw the outage as a 503");
        }
        if (outcome.slowestRefusal().compareTo(REFUSED_WITHIN) > 0) {
            failures.add("a refusal took " + outcome.slowestRefusal().toMillis() + " ms (at most "
                    + REFUSED_WITHIN.toMillis() + " ms)");
        }
        notes.add("slowest 503: " + outcome.slowestRefusal().toMillis() + " ms");
        Ledger ledger = new Ledger(stack);
        Ledger.Reconciliation books = ledger.awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(3));
        // The generator places an order a second of its own: it must have resumed after the outage.
        FaultStack.await("the generator's next order", Duration.ofMinutes(1), () -> stack.database().queryForObject(
                "select count(*) from orders where created_at > ? and customer_id <> ?", Long.class,
                java.sql.Timestamp.from(back), shop.customer()) > 0);
        String phase = stack.call("GET", stack.apiUrl() + "/api/v1/generator").get("phase").asString();
        notes.add("generator phase after the outage: " + phase);
        if (!phase.equals("LIVE")) {
            failures.add("the generator is " + phase + " after the outage");
        }
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures, notes,
                Duration.ofNanos(System.nanoTime() - began));
    }
}
