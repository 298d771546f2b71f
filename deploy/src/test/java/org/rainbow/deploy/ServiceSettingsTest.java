package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which variables set a service's settings, as Spring Boot's binder relaxes their names. */
class ServiceSettingsTest {

    @Test
    void relaxedNamesBindAndMisspellingsDoNot() {
        ServiceSettings settings = new ServiceSettings(Set.of("server.port", "spring.jpa.properties.hibernate.jdbc.batch_size"),
                List.of(SampleSinkProperties.class));
        Map<String, String> variables = new LinkedHashMap<>();
        for (String bound : List.of("RAINBOW_SAMPLE_SINK_ENABLED", "RAINBOW_SAMPLE_SINK_ENGINE",
                "RAINBOW_SAMPLE_SINK_CLICKHOUSE_URL", "RAINBOW_SAMPLE_SINK_CLICKHOUSE_SPEED_DATABASE",
                "RAINBOW_SAMPLE_SINK_LABELS_TEAM", "SERVER_PORT",
                "SPRING_JPA_PROPERTIES_HIBERNATE_JDBC_BATCH_SIZE")) {
            variables.put(bound, "1");
        }
        for (String misspelled : List.of("RAINBOW_SAMPLE_SINK_CLICKHOUSE_URLS", "RAINBOW_SAMPLE_SINK_CLICKHOUSE",
                "RAINBOW_SAMPLE_SINK_CLICKHOSE_URL", "RAINBOW_SAMPLE_SINKS_ENGINE", "SERVER_PORTS")) {
            variables.put(misspelled, "1");
        }
        assertThat(settings.unbound(variables)).containsExactlyInAnyOrder("RAINBOW_SAMPLE_SINK_CLICKHOUSE_URLS",
                "RAINBOW_SAMPLE_SINK_CLICKHOUSE", "RAINBOW_SAMPLE_SINK_CLICKHOSE_URL", "RAINBOW_SAMPLE_SINKS_ENGINE",
                "SERVER_PORTS");
        // A dash dropped is the other form of speed-database; given both, Spring reads one and the other is reported.
        assertThat(settings.unbound(Map.of("RAINBOW_SAMPLE_SINK_CLICKHOUSE_SPEEDDATABASE", "speed"))).isEmpty();
        assertThat(settings.unbound(Map.of("RAINBOW_SAMPLE_SINK_CLICKHOUSE_SPEEDDATABASE", "speed",
                "RAINBOW_SAMPLE_SINK_CLICKHOUSE_SPEED_DATABASE", "other"))).hasSize(1);
    }

    @Test
    void aServiceReadsThePropertiesRecordsOfTheModulesItRuns() {
        assertThat(ServiceSettings.of("serving-api").propertiesClasses()).extracting(Class::getSimpleName)
                .contains("SalesProperties", "ExportLoadProperties").doesNotContain("PipelineProperties");
        assertThat(ServiceSettings.of("batch-pipeline").propertiesClasses()).extracting(Class::getSimpleName)
                .contains("PipelineProperties", "WarehouseProperties", "ServiceSecurityProperties")
                .doesNotContain("SalesProperties", "SampleSinkProperties");
        assertThat(ServiceSettings.of("stream-bridge").propertiesClasses()).extracting(Class::getSimpleName)
                .contains("CaptureProperties").doesNotContain("ServiceSecurityProperties");
    }
}
