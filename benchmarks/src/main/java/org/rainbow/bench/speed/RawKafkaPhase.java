package org.rainbow.bench.speed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rainbow.engines.kafka.LocalKafka;

/**
 * Phase 1, the brokers' ceiling: a raw Kafka producer (acks=all, idempotent, lz4) writes messages of about
 * 600 bytes into a topic of 3 partitions, RF 2, and a consumer reads them back.
 */
final class RawKafkaPhase {

    /** Messages per second produced, and produced and consumed (both from the first send). */
    record Rates(double produced, double producedAndConsumed) {
    }

    private RawKafkaPhase() {
    }

    static Rates run(LocalKafka kafka, int messages) throws Exception {
        System.out.println("Raw Kafka producer -> consumer, " + messages + " messages ...");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("bench.raw", 3, (short) 2))).all().get(60, TimeUnit.SECONDS);
        }
        String payload = "x".repeat(600);
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>("bench.raw", "{\"id\":" + i + "}", payload));
            }
            producer.flush();
        }
        double produced = messages / secondsSince(start);
        long consumed = 0;
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("bench.raw"));
            while (consumed < messages) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return new Rates(produced, messages / secondsSince(start));
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
