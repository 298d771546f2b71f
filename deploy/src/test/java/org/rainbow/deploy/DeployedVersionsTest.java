package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rainbow.deploy.EngineImages.Image;
import org.rainbow.engines.EngineVersions;

/**
 * What is deployed is what is tested: every engine image in docker-compose.yml and k8s/ carries the version
 * the embedded engines of the local stack and the tests run (PostgreSQL, Kafka, ClickHouse).
 */
class DeployedVersionsTest {

    @Test
    void composeAndKubernetesDeployTheEngineVersionsTheTestsRun() {
        List<Path> manifests = manifests();
        assertThat(manifests).contains(Checkout.path("docker-compose.yml"));

        List<String> drift = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        for (Path manifest : manifests) {
            drift.addAll(drift(YamlNodes.documents(manifest), Checkout.ROOT.relativize(manifest).toString(), pinned));
        }
        assertThat(drift).isEmpty();
        // compose and the Kubernetes base each deploy all three engines
        assertThat(pinned).filteredOn(p -> p.startsWith("docker-compose.yml")).hasSize(5);
        assertThat(pinned).filteredOn(p -> p.startsWith("k8s/")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aDriftedImageIsReported() {
        String compose = """
                services:
                  postgres:
                    image: postgres:17
                  kafka-1:
                    image: apache/kafka:%s
                  clickhouse:
                    image: "clickhouse/clickhouse-server:25.8"
                """.formatted(EngineVersions.current().kafka());

        assertThat(drift(YamlNodes.documents(compose), "compose", new ArrayList<>())).containsExactly(
                "compose: postgres:17, tests run postgres:" + EngineVersions.current().postgresRelease(),
                "compose: clickhouse/clickhouse-server:25.8, tests run clickhouse/clickhouse-server:"
                        + EngineVersions.current().clickhouseRelease());
    }

    /** The tag each engine image must have: the release the embedded engine runs. */
    private static Map<String, String> expectedTags() {
        EngineVersions versions = EngineVersions.current();
        return Map.of("postgres", versions.postgresRelease(),
                "apache/kafka", versions.kafka(),
                "clickhouse/clickhouse-server", versions.clickhouseRelease());
    }

    private static List<String> drift(List<Map<String, Object>> manifest, String name, List<String> pinned) {
        List<String> drift = new ArrayList<>();
        for (Image image : EngineImages.in(manifest)) {
            String expected = expectedTags().get(image.repository());
            if (expected == null) {
                continue;
            }
            pinned.add(name + ": " + image.repository());
            if (!expected.equals(image.tag())) {
                drift.add(name + ": " + image + ", tests run " + image.repository() + ":" + expected);
            }
        }
        return drift;
    }

    private static List<Path> manifests() {
        try (Stream<Path> k8s = Files.walk(Checkout.path("k8s"))) {
            return Stream.concat(Stream.of(Checkout.path("docker-compose.yml")),
                    k8s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
