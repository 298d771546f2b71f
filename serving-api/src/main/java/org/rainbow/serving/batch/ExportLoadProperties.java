package org.rainbow.serving.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rainbow.serving.exports.*}: whether this instance loads newly published batch exports, and how often
 * it looks for one (a look reads one small object).
 */
@ConfigurationProperties("rainbow.serving.exports")
public record ExportLoadProperties(@DefaultValue("true") boolean loadEnabled,
                                   @DefaultValue("5s") Duration pollInterval) {
}
