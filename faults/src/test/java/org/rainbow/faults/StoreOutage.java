package org.rainbow.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * R3: the serving store (the ClickHouse server) stopped for 60 s under traffic: the sink backs off and retries
 * without dead-lettering good messages, serving answers 503 meanwhile, and everything arrives once it is back.
 */
final class StoreOutage extends Scenario {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    StoreOutage() {
        super("R3", "serving-store-down-60s");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (KafkaChecks kafka = new KafkaChecks(stack.kafkaBootstrap())) {
            long deadLettersBefore = kafka.deadLetters();
            OrderTraffic traffic = new OrderTraffic(stack, shop, 4, 50, 5_000).start();
            Thread.sleep(10_000);
            stack.stop("clickhouse");
            Thread.sleep(5_000);
            HttpResponse<String> meanwhile = FaultStack.HTTP.send(HttpRequest.newBuilder(URI.create(stack.servingUrl()
                    + "/api/v1/sales/daily")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            notes.add("serving answered " + meanwhile.statusCode() + " while the store was down");
            if (meanwhile.statusCode() != 503) {
                failures.add("serving answered " + meanwhile.statusCode() + ", not 503, while its store was down");
            }
            Thread.sleep(OUTAGE.minusSeconds(5).toMillis());
            stack.start("clickhouse");
            FaultStack.await("clickhouse back", Duration.ofMinutes(2), () -> stack.running("clickhouse"));

            OrderTraffic.Outcome outcome = traffic.await();
            Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop,
                    LocalDate.now(ZoneOffset.UTC).minusDays(1), Duration.ofMinutes(4));
            long parked = kafka.deadLetters() - deadLettersBefore;
            notes.add(parked + " messages dead-lettered during the outage");
            if (parked != 0) {
                failures.add(parked + " good messages went to the dead-letter topic");
            }
            return ScenarioResult.reconcile(id(), name(), outcome, books, failures, notes,
                    Duration.ofNanos(System.nanoTime() - began));
        }
    }
}
