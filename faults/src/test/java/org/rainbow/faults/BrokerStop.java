package org.rainbow.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** R1: one of the three Kafka nodes stopped (a real node stop) for 20 s while 20,000 orders flow, then back. */
final class BrokerStop extends Scenario {

    private static final int ORDERS = 20_000;

    BrokerStop() {
        super("R1", "broker-stop");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        OrderTraffic traffic = new OrderTraffic(stack, shop, 8, 0, ORDERS).start();
        FaultStack.await("the first 2,000 orders", Duration.ofMinutes(3), () -> traffic.requested() >= 2_000);

        stack.stop("kafka-1");
        int atStop = traffic.requested();
        Thread.sleep(20_000);
        notes.add("kafka-1 was down while orders " + atStop + ".." + traffic.requested() + " were placed");
        stack.start("kafka-1");
        FaultStack.await("kafka-1 back", Duration.ofMinutes(2), () -> stack.running("kafka-1"));

        OrderTraffic.Outcome outcome = traffic.await();
        Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(4));
        try (KafkaChecks kafka = new KafkaChecks(stack.kafkaBootstrap())) {
            List<String> lagging = kafka.awaitInSync(Duration.ofMinutes(2));
            if (!lagging.isEmpty()) {
                failures.add("partitions not back in sync: " + lagging);
            }
        }
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures, notes,
                Duration.ofNanos(System.nanoTime() - began));
    }
}
