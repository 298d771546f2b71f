package org.rainbow.bridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamBridgeApplication.class, args);
    }
}
