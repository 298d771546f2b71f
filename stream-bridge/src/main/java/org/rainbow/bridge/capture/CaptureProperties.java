package org.rainbow.bridge.capture;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where change capture reads from and how it keeps its place (Debezium offsets in a Kafka topic). */
@Validated
@ConfigurationProperties("rainbow.bridge.capture")
public record CaptureProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("15432") @Min(1) int port,
        @DefaultValue("rainbow") @NotBlank String database,
        @DefaultValue("rainbow_capture") @NotBlank String user,
        String password,
        @DefaultValue("rainbow_speed") @NotBlank String slotName,
        @DefaultValue("10s") @NotNull Duration heartbeatInterval,
        @DefaultValue("rainbow-bridge.offsets") @NotBlank String offsetTopic,
        @DefaultValue("3") @Min(1) short offsetReplicationFactor,
        @DefaultValue("1s") @NotNull Duration offsetFlushInterval,
        @DefaultValue("initial") @NotBlank String snapshotMode,
        @DefaultValue("4096") @Min(1) int maxBatchSize) {
}
