package org.rainbow.bridge.capture;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code capture} in {@code /actuator/health}: DOWN while the Debezium engine is failing and being restarted. */
@Component
@ConditionalOnProperty(name = "rainbow.bridge.capture.enabled", havingValue = "true", matchIfMissing = true)
public class CaptureHealthIndicator implements HealthIndicator {

    private final ChangeCapture capture;

    public CaptureHealthIndicator(ChangeCapture capture) {
        this.capture = capture;
    }

    @Override
    public Health health() {
        Throwable failure = capture.lastFailure();
        if (!capture.isRunning()) {
            return Health.down().withDetail("reason", "not started").build();
        }
        return failure == null ? Health.up().build()
                : Health.down().withDetail("reason", String.valueOf(failure.getMessage())).build();
    }
}
