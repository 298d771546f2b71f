package org.rainbow.bench.speed;

import java.time.Duration;

/**
 * Phase 4: stream-bridge draining the same kind of backlog as the baselines, into Kafka and on into ClickHouse.
 */
final class BridgeBacklogPhase {

    /** Row events per second from the first record in Kafka: to the last in Kafka, and to the last in ClickHouse. */
    record Rates(double capture, double endToEnd) {
    }

    private BridgeBacklogPhase() {
    }

    static Rates run(SpeedEngines engines, ClickHouseSpeedTables speedTables, int orders) throws Exception {
        System.out.println("stream-bridge, backlog of " + orders + " orders ...");
        long events = (long) orders * SourceDatabase.EVENTS_PER_ORDER;
        TopicProgress.Span span = TopicProgress.await(engines.kafka(), "bench", events, Duration.ofMinutes(10));
        speedTables.awaitOrders(orders, Duration.ofMinutes(15));
        return new Rates(span.perSecond(events), new TopicProgress.Span(span.first(), System.nanoTime()).perSecond(events));
    }
}
