package org.rainbow.serving.speed;

import java.nio.file.Path;
import org.rainbow.bridge.sink.ChangeEventListener;
import org.rainbow.bridge.sink.SinkProperties;
import org.rainbow.bridge.topic.SpeedTopics;
import org.rainbow.bridge.topic.TopicProperties;
import org.rainbow.serving.store.ServingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * stream-bridge's sink (the same code that runs in stream-bridge in production: batch listener, versioned
 * upserts, dead letters), writing the speed tables of this process's DuckDB file. Then stream-bridge runs its
 * capture role only ({@code rainbow.bridge.sink.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rainbow.serving.speed-sink.enabled", havingValue = "true")
@ComponentScan(basePackageClasses = {ChangeEventListener.class, SpeedTopics.class})
@EnableConfigurationProperties({SinkProperties.class, TopicProperties.class})
class HostedSpeedSink {

    HostedSpeedSink(ServingProperties serving, SinkProperties sink) {
        if (serving.engine() != ServingProperties.Engine.DUCKDB || sink.engine() != SinkProperties.Engine.DUCKDB
                || !Path.of(serving.duckdb().path()).toAbsolutePath()
                        .equals(Path.of(sink.duckdb().path()).toAbsolutePath())) {
            throw new IllegalStateException("rainbow.serving.speed-sink.enabled needs the DuckDB serving store and the "
                    + "sink writing its file (rainbow.bridge.sink.engine=duckdb, rainbow.bridge.sink.duckdb.path = "
                    + "rainbow.serving.duckdb.path); with ClickHouse, stream-bridge writes the speed tables itself");
        }
    }
}
