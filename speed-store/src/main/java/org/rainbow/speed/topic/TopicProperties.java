package org.rainbow.speed.topic;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic layout of the speed layer: {@code <prefix>.public.<table>} per table (Debezium's naming) and
 * {@code <prefix>.dlq} for messages the sink could not use. Named {@code rainbow.bridge.topics.*} wherever the sink
 * runs, as stream-bridge named them first.
 */
@Validated
@ConfigurationProperties("rainbow.bridge.topics")
public record TopicProperties(@DefaultValue("rainbow") @NotBlank String prefix,
                              @DefaultValue("3") @Min(1) int partitions,
                              @DefaultValue("2") @Min(1) short replicationFactor) {
}
