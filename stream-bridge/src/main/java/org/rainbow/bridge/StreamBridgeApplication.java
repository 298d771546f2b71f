package org.rainbow.bridge;

import org.rainbow.speed.topic.TopicConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TopicConfiguration.class) // capture writes to the topics, the sink reads them
public class StreamBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamBridgeApplication.class, args);
    }
}
