package org.rainbow.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the suite asks the stack's Kafka cluster: replication health, the dead-letter topic, a poison message. */
final class KafkaChecks implements AutoCloseable {

    static final String DEAD_LETTERS = "rainbow.dlq";

    private final String bootstrap;
    private final Admin admin;

    KafkaChecks(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        this.admin = Admin.create(settings);
    }

    /** Partitions (internal ones too) whose in-sync replicas are fewer than their replicas, or that have no leader. */
    List<String> underReplicated() throws Exception {
        Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                .names().get(30, TimeUnit.SECONDS);
        List<String> lagging = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.leader() == null || partition.isr().size() < partition.replicas().size()) {
                    lagging.add(topic.name() + "-" + partition.partition() + " isr " + partition.isr().size() + "/"
                            + partition.replicas().size());
                }
            }
        }
        return lagging;
    }

    /** Waits up to {@code timeout} for every partition to be fully in sync; returns those that are not. */
    List<String> awaitInSync(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lagging = underReplicated();
        while (!lagging.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            lagging = underReplicated();
        }
        return lagging;
    }

    /** Messages ever written to the dead-letter topic. */
    long deadLetters() throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(DEAD_LETTERS)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(DEAD_LETTERS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        topic.partitions().forEach(p -> latest.put(new TopicPartition(DEAD_LETTERS, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(o -> o.offset()).sum();
    }

    /** A message no sink can read, on a table topic, as a broken producer would write it. */
    void sendPoison(String topic) throws Exception {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "{\"id\": -1}", "not json {{ poison")).get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
