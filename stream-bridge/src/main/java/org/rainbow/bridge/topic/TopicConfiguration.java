package org.rainbow.bridge.topic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    /** Created (or checked) by Spring's KafkaAdmin before any producer or listener starts. */
    @Bean
    KafkaAdmin.NewTopics speedTopicDefinitions(SpeedTopics topics) {
        return topics.definitions();
    }
}
