package org.rainbow.speed.topic;

import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Names of the speed layer's topics, and their definitions for {@link KafkaAdmin} to create at start-up. */
public class SpeedTopics {

    private final TopicProperties properties;

    public SpeedTopics(TopicProperties properties) {
        this.properties = properties;
    }

    public String prefix() {
        return properties.prefix();
    }

    public String topicOf(CapturedTable table) {
        return table.topic(properties.prefix());
    }

    public String[] tableTopics() {
        return RainbowTables.ALL.stream().map(this::topicOf).toArray(String[]::new);
    }

    public String deadLetterTopic() {
        return properties.prefix() + ".dlq";
    }

    KafkaAdmin.NewTopics definitions() {
        List<NewTopic> topics = Stream.concat(Stream.of(tableTopics()), Stream.of(deadLetterTopic()))
                .map(name -> TopicBuilder.name(name).partitions(properties.partitions())
                        .replicas(properties.replicationFactor()).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
