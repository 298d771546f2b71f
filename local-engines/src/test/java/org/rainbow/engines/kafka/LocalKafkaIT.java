package org.rainbow.engines.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.EngineVersions;

class LocalKafkaIT {

    @Test
    void threeBrokersReplicateATopicAndServeItsRecords() throws Exception {
        LocalKafka kafka = KafkaFixture.shared();
        assertThat(AppInfoParser.getVersion()).isEqualTo(EngineVersions.current().kafka());
        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
            admin.createTopics(List.of(new NewTopic("fixture.probe", 3, (short) 2))).all().get(30, TimeUnit.SECONDS);
            TopicDescription topic = admin.describeTopics(Set.of("fixture.probe")).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get("fixture.probe");
            assertThat(topic.partitions()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(2));
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("fixture.probe", "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fixture-probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("fixture.probe"));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < 30 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
            assertThat(seen).isEqualTo(30);
        }
    }
}
