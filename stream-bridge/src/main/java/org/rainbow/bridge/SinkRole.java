package org.rainbow.bridge;

import org.rainbow.speed.sink.SpeedSinkConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The sink role: speed-store's sink, writing the speed tables of the serving store ({@code rainbow.serving.*}). Off
 * ({@code rainbow.bridge.sink.enabled=false}) where serving-api hosts it beside its DuckDB file; a capture-only bridge
 * then opens no store at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rainbow.bridge.sink.enabled", matchIfMissing = true)
@Import(SpeedSinkConfiguration.class)
class SinkRole {
}
