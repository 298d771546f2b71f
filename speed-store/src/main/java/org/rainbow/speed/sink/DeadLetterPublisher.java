package org.rainbow.speed.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rainbow.speed.topic.SpeedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Parks a message the sink cannot use on the dead-letter topic, unchanged, with why and where it came from
 * in headers ({@code rainbow.dlq.reason}, {@code .topic}, {@code .partition}, {@code .offset}).
 */
@Component
public class DeadLetterPublisher {

    public static final String REASON = "rainbow.dlq.reason";
    public static final String TOPIC = "rainbow.dlq.topic";
    public static final String PARTITION = "rainbow.dlq.partition";
    public static final String OFFSET = "rainbow.dlq.offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(1);

    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    public DeadLetterPublisher(KafkaTemplate<String, String> kafka, SpeedTopics topics) {
        this.kafka = kafka;
        this.topic = topics.deadLetterTopic();
    }

    /** Returns once Kafka holds the dead letter, so the original's offset may be committed. */
    public void publish(ConsumerRecord<String, String> original, String reason) {
        log.warn("dead letter from {}-{}@{}: {}", original.topic(), original.partition(), original.offset(), reason);
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, original.key(), original.value());
        letter.headers().add(REASON, bytes(reason));
        letter.headers().add(TOPIC, bytes(original.topic()));
        letter.headers().add(PARTITION, bytes(String.valueOf(original.partition())));
        letter.headers().add(OFFSET, bytes(String.valueOf(original.offset())));
        try {
            kafka.send(letter).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park a dead letter on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
