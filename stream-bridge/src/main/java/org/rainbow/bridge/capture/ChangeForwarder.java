package org.rainbow.bridge.capture;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends each batch of Debezium change events to Kafka, waits until Kafka acknowledged every one of them
 * ({@code acks=all}), and only then marks them processed, so Debezium's offsets (and the replication
 * slot) never move past a change that Kafka does not hold. Events of other topics (heartbeats) are only
 * acknowledged: they exist to move the offsets.
 */
final class ChangeForwarder implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private static final Duration KAFKA_ACK_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaTemplate<String, String> kafka;
    private final Set<String> forwardedTopics;
    private final Counter forwarded;
    private final Runnable onBatchForwarded;

    ChangeForwarder(KafkaTemplate<String, String> kafka, Set<String> forwardedTopics, MeterRegistry meters,
                    Runnable onBatchForwarded) {
        this.kafka = kafka;
        this.onBatchForwarded = onBatchForwarded;
        this.forwardedTopics = Set.copyOf(forwardedTopics);
        this.forwarded = Counter.builder("rainbow.capture.forwarded").description("change events acknowledged by Kafka")
                .register(meters);
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> events,
                            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
        for (ChangeEvent<String, String> event : events) {
            if (event.value() != null && forwardedTopics.contains(event.destination())) {
                acks.add(kafka.send(event.destination(), event.key(), event.value()));
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(KAFKA_ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a batch of " + acks.size()
                    + " change events; Debezium will resend them after a restart", e);
        }
        for (ChangeEvent<String, String> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        forwarded.increment(acks.size());
        onBatchForwarded.run();
    }
}
