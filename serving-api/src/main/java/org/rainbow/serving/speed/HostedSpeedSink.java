package org.rainbow.serving.speed;

import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.speed.sink.SpeedSinkConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * speed-store's sink (the same code that stream-bridge runs in production: batch listener, versioned upserts, dead
 * letters), writing the speed tables of this process's DuckDB file: both read the one {@link ServingStoreProperties}.
 * Then stream-bridge runs its capture role only ({@code rainbow.bridge.sink.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("rainbow.serving.speed-sink.enabled")
@Import(SpeedSinkConfiguration.class)
class HostedSpeedSink {

    HostedSpeedSink(ServingStoreProperties store) {
        if (store.engine() != ServingStoreProperties.Engine.DUCKDB) {
            throw new IllegalStateException("rainbow.serving.speed-sink.enabled needs the DuckDB serving store "
                    + "(rainbow.serving.engine=duckdb); with ClickHouse, stream-bridge writes the speed tables itself");
        }
    }
}
