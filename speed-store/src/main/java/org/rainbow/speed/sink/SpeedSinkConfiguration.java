package org.rainbow.speed.sink;

import java.nio.file.Path;
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.speed.sink.clickhouse.ClickHouseSpeedTableWriter;
import org.rainbow.speed.sink.duckdb.DuckDbSpeedTableWriter;
import org.rainbow.speed.topic.TopicConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sink, for the service that runs it to {@code @Import} (under its own switch): the batch listener, the parser,
 * dead letters, the speed-row route, and the writer of the serving store's engine ({@link ServingStoreProperties}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = SpeedSinkConfiguration.class)
@EnableConfigurationProperties(ServingStoreProperties.class)
@Import(TopicConfiguration.class)
public class SpeedSinkConfiguration {

    /** Opens the store (and creates the speed tables) at start-up; closed with the context. */
    @Bean
    SpeedTableWriter speedTableWriter(ServingStoreProperties store) throws Exception {
        return switch (store.engine()) {
            case DUCKDB -> new DuckDbSpeedTableWriter(Path.of(store.duckdb().path()));
            case CLICKHOUSE -> new ClickHouseSpeedTableWriter(store.clickhouse());
        };
    }

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
