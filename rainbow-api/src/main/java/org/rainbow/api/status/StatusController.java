package org.rainbow.api.status;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusController {

    private final String version;

    StatusController(ObjectProvider<BuildProperties> build) {
        this.version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion).orElse("dev");
    }

    @GetMapping("/ping")
    String ping() {
        return "pong";
    }

    @GetMapping("/")
    ServiceStatus status() {
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        return new ServiceStatus("rainbow-api", version, Duration.ofMillis(uptimeMillis).toSeconds(),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceStatus(String service, String version, long uptimeSeconds, Instant startedAt) {
    }
}
