package org.rainbow.api.generator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@RestController
class GeneratorController {

    private final GeneratorRunner runner;
    private final GeneratorProperties settings;

    GeneratorController(GeneratorRunner runner, GeneratorProperties settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** {@code history_complete} turns true once every backdated day is written (phase LIVE or later). */
    @GetMapping("/api/v1/generator")
    GeneratorStatus status() {
        GeneratorRunner.Phase phase = runner.phase();
        boolean historyComplete = phase == GeneratorRunner.Phase.LIVE || phase == GeneratorRunner.Phase.DONE;
        return new GeneratorStatus(phase.name(), historyComplete, settings.historyDays(), settings.ordersPerSecond());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GeneratorStatus(String phase, boolean historyComplete, int historyDays, double ordersPerSecond) {
    }
}
