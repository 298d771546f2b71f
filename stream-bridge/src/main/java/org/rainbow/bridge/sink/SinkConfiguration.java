package org.rainbow.bridge.sink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

    /**
     * A batch that throws is retried for ever (backing off to 30 s), never skipped: poison messages are dead-lettered
     * before this point, so what remains is a store outage that must not lose data.
     */
    @Bean
    DefaultErrorHandler sinkErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
