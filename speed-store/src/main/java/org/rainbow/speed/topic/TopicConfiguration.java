package org.rainbow.speed.topic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The speed layer's topics, for a service that writes or reads them to {@code @Import}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class TopicConfiguration {

    @Bean
    SpeedTopics speedTopics(TopicProperties properties) {
        return new SpeedTopics(properties);
    }

    /** Created (or checked) by Spring's KafkaAdmin before any producer or listener starts. */
    @Bean
    KafkaAdmin.NewTopics speedTopicDefinitions(SpeedTopics topics) {
        return topics.definitions();
    }
}
