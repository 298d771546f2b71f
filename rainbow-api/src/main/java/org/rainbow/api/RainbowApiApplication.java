package org.rainbow.api;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RainbowApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(RainbowApiApplication.class, args);
    }

    /** Every timestamp the API writes comes from this clock, so tests and the generator can set the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
