package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.maps;
import static org.rainbow.deploy.YamlNodes.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The four services run the same way in compose and on Kubernetes as they do locally: their ports, Dockerfiles,
 * probes on Spring Boot's health groups, and settings that each bind to a property of the service.
 */
class ServiceDeploymentTest {

    /** The services' ports, as the README's port table gives them. */
    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "rainbow-api", 8080, "serving-api", 8081, "batch-pipeline", 8082, "stream-bridge", 8083);

    /** Variables in these namespaces are Spring settings: each must bind to a property of its service. */
    private static final List<String> SPRING_NAMESPACES = List.of("RAINBOW_", "SPRING_", "MANAGEMENT_", "SERVER_");

    /** Actuator's own port in every service's container (MANAGEMENT_SERVER_PORT): probes only, never published. */
    private static final int MANAGEMENT_PORT = 9090;

    private final Compose compose = Compose.checkedIn();

    @Test
    void servicesListenOnTheirContractPortsEverywhere() {
        SERVICE_PORTS.forEach((module, port) -> {
            assertThat(applicationYml(module).get("server.port")).as("%s server.port", module).isEqualTo(port);

            String dockerfile = Checkout.read(Checkout.path(module).resolve("Dockerfile"));
            assertThat(dockerfile).as("%s/Dockerfile", module)
                    .containsPattern("(?m)^FROM eclipse-temurin:17-jre\\s*$")
                    .containsPattern("(?m)^COPY target/" + Pattern.quote(module) + "-\\*-exec\\.jar ")
                    .containsPattern("(?m)^EXPOSE " + port + "\\s*$");
            Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
            assertThat(user.find()).as("%s/Dockerfile sets USER", module).isTrue();
            assertThat(user.group(1)).as("%s runs as", module).doesNotStartWith("root").doesNotStartWith("0:")
                    .isNotEqualTo("0");

            Map<String, Object> service = compose.service(module);
            assertThat(service).as("compose service %s", module).isNotNull();
            Object build = service.get("build");
            assertThat(build instanceof Map<?, ?> ? map(build).get("context") : build)
                    .as("%s builds from its module", module).isEqualTo("./" + module);
            assertThat(strings(service.get("ports"))).as("%s ports", module).containsExactly("127.0.0.1:" + port + ":" + port);
            assertThat(compose.environment(module)).as("%s management port", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT));
            assertThat(Workloads.environment(module)).as("%s management port on Kubernetes", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT));
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as("%s compose healthcheck", module)
                    .contains("127.0.0.1:" + MANAGEMENT_PORT + "/actuator/health/readiness");

            Map<String, Object> container = Workloads.serviceContainer(module);
            Map<String, Object> http = maps(container.get("ports")).stream()
                    .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
            assertThat(http.get("containerPort")).as("%s containerPort", module).isEqualTo(port);
            assertThat(maps(container.get("ports"))).as("%s management containerPort", module)
                    .anySatisfy(p -> assertThat(p).containsEntry("name", "management")
                            .containsEntry("containerPort", MANAGEMENT_PORT));
            assertThat(String.valueOf(container.get("image"))).isEqualTo("ghcr.io/rainbow-data/" + module + ":0.1.0");
            Map<String, Object> k8sService = maps(map(Kustomize.baseResource("Service", module).get("spec")).get("ports"))
                    .get(0);
            assertThat(k8sService.get("port")).as("%s Service port", module).isEqualTo(port);
            assertThat(k8sService.get("targetPort")).isEqualTo("http");
        });
    }

    @Test
    void composePublishesEveryPortOnLoopbackOnly() {
        compose.services().forEach((name, service) -> {
            for (String published : strings(service.getOrDefault("ports", List.of()))) {
                assertThat(published).as("%s publishes %s", name, published).startsWith("127.0.0.1:");
            }
        });
    }

    @Test
    void probesAskSpringBootsHealthGroups() {
        for (String module : SERVICE_PORTS.keySet()) {
            Map<String, Object> container = Workloads.serviceContainer(module);
            assertThat(Workloads.probePath(container, "livenessProbe")).as("%s liveness", module)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(Workloads.probePath(container, "readinessProbe")).as("%s readiness", module)
                    .isEqualTo("/actuator/health/readiness");
            if (container.containsKey("startupProbe")) {
                assertThat(Workloads.probePath(container, "startupProbe")).as("%s startup", module)
                        .isEqualTo("/actuator/health/liveness");
            }
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).as("%s requests", module).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as("%s limits", module).containsKey("memory");
            // The groups exist only where probes are on: in application.yml, or set by the manifests.
            String probes = "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED";
            boolean inYml = Boolean.TRUE.equals(applicationYml(module).get("management.endpoint.health.probes.enabled"));
            assertThat(inYml || "true".equals(Workloads.environment(module).get(probes)))
                    .as("%s has liveness/readiness groups on Kubernetes", module).isTrue();
            assertThat(inYml || "true".equals(compose.environment(module).get(probes)))
                    .as("%s has liveness/readiness groups in compose", module).isTrue();
        }
    }

    @Test
    void everySpringVariableBindsToAPropertyOfItsService() {
        List<String> unbound = new ArrayList<>();
        for (String module : SERVICE_PORTS.keySet()) {
            unbound.addAll(unboundVariables(module, compose, Workloads.variableNames(module)));
        }
        assertThat(unbound).as("variables that bind to no property of their service").isEmpty();
    }

    @Test
    void aMisspelledVariableInComposeIsReported() {
        Compose broken = Compose.parse("""
                services:
                  stream-bridge:
                    environment:
                      SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka-1:9092
                      RAINBOW_BRIDGE_CAPTURE_HOST: postgres
                      RAINBOW_BRIDGE_CAPTURE_HOTS: postgres
                      RAINBOW_BRIDGE_CAPTURE_SLOT_NAME: rainbow_speed
                      RAINBOW_BRIDGE_CAPTURE_MAXBATCHSIZE: "many"
                      RAINBOW_PIPELINE_GRID_SIZE: "2"
                      JAVA_TOOL_OPTIONS: -Xmx512m
                """);
        Set<String> kubernetes = Set.of("RAINBOW_BRIDGE_CAPTURE_DATABASE", "RAINBOW_BRIDGE_CAPTURE_DATABSE");
        assertThat(unboundVariables("stream-bridge", broken, kubernetes))
                .containsExactly("stream-bridge: RAINBOW_BRIDGE_CAPTURE_HOTS (docker-compose.yml)",
                        "stream-bridge: RAINBOW_PIPELINE_GRID_SIZE (docker-compose.yml)",
                        "stream-bridge: RAINBOW_BRIDGE_CAPTURE_DATABSE (k8s)");
    }

    /** The Spring variables compose and Kubernetes give a service that bind to none of its settings, with where. */
    private static List<String> unboundVariables(String module, Compose compose, Set<String> kubernetesVariables) {
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>(compose.environment(module));
        values.keySet().forEach(v -> where.put(v, "docker-compose.yml"));
        kubernetesVariables.forEach(v -> {
            where.putIfAbsent(v, "k8s");
            values.putIfAbsent(v, "");
        });
        assertThat(values).as("%s gets settings", module).isNotEmpty();
        Set<String> unbound = ServiceSettings.of(module).unbound(values);
        return where.entrySet().stream()
                .filter(v -> SPRING_NAMESPACES.stream().anyMatch(v.getKey()::startsWith) && unbound.contains(v.getKey()))
                .map(v -> module + ": " + v.getKey() + " (" + v.getValue() + ")").toList();
    }

    static Map<String, Object> applicationYml(String module) {
        Path yml = Checkout.path(module).resolve("src/main/resources/application.yml");
        return YamlNodes.flatten(YamlNodes.file(yml));
    }
}
