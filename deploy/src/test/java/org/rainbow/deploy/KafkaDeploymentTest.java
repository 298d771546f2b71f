package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.deploy.YamlNodes.maps;
import static org.rainbow.deploy.YamlNodes.strings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Compose and Kubernetes run three Kafka 4 nodes in one KRaft quorum, and what reads Kafka finds all three. */
class KafkaDeploymentTest {

    private final Compose compose = Compose.checkedIn();

    @Test
    void composeRunsThreeKafkaNodesInOneQuorum() {
        Map<String, Map<String, String>> kafka = new LinkedHashMap<>();
        compose.services().forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("apache/kafka:")) {
                assertThat(imageMajorVersion(service)).as("%s runs Kafka 4.x", name).isEqualTo(4);
                kafka.put((String) service.getOrDefault("hostname", name), compose.environment(name));
            }
        });
        assertThat(kafka).hasSize(3);

        Set<String> expectedVoters = new TreeSet<>();
        kafka.forEach((host, env) -> expectedVoters.add(env.get("KAFKA_NODE_ID") + "@" + host + ":9093"));
        assertThat(kafka.values().stream().map(env -> env.get("KAFKA_NODE_ID")).distinct()).hasSize(3);
        kafka.forEach((host, env) -> {
            assertThat(env.get("KAFKA_PROCESS_ROLES")).as(host).isEqualTo("broker,controller");
            assertThat(new TreeSet<>(List.of(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))))
                    .as("%s: controller.quorum.voters", host).isEqualTo(expectedVoters);
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(host).contains("PLAINTEXT://" + host + ":9092");
        });
        assertThat(kafka.values().stream().map(env -> env.get("CLUSTER_ID")).distinct().toList())
                .as("one cluster id").hasSize(1).doesNotContainNull();

        Set<String> brokers = kafka.keySet().stream().map(host -> host + ":9092").collect(Collectors.toSet());
        assertThat(Set.of(compose.environment("stream-bridge").get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")))
                .isEqualTo(brokers);
        assertThat(Set.of(compose.environment("kafka-ui").get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS").split(",")))
                .isEqualTo(brokers);
    }

    @Test
    void kafkaUiIsKafbatsPinnedReleaseReadOnlyBehindALoginInComposeAndKubernetes() {
        Map<String, Object> composeUi = compose.service("kafka-ui");
        Map<String, Object> container = maps(Workloads.podSpecs(Kustomize.baseResource("Deployment", "kafka-ui")).get(0)
                .get("containers")).get(0);
        Map<String, Object> kubernetesEnv = new HashMap<>();
        maps(container.get("env")).forEach(e -> kubernetesEnv.put((String) e.get("name"),
                e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
        for (String image : List.of(String.valueOf(composeUi.get("image")), String.valueOf(container.get("image")))) {
            assertThat(image).matches("ghcr\\.io/kafbat/kafka-ui:v\\d+\\.\\d+\\.\\d+");
        }
        assertThat(composeUi.get("image")).isEqualTo(container.get("image"));
        Map<String, String> composeEnv = compose.environment("kafka-ui");
        assertThat(composeEnv).containsEntry("KAFKA_CLUSTERS_0_READONLY", "true").containsEntry("AUTH_TYPE", "LOGIN_FORM");
        assertThat(composeEnv.get("SPRING_SECURITY_USER_PASSWORD")).startsWith("${KAFKA_UI_PASSWORD");
        assertThat(kubernetesEnv).containsEntry("KAFKA_CLUSTERS_0_READONLY", "true").containsEntry("AUTH_TYPE", "LOGIN_FORM");
        assertThat(String.valueOf(kubernetesEnv.get("SPRING_SECURITY_USER_PASSWORD"))).contains("kafka-ui-password");
    }

    @Test
    void kubernetesKafkaHasThreeReplicasMatchingItsQuorumVoters() {
        Map<String, Object> kafka = Kustomize.baseResource("StatefulSet", "kafka");
        Map<String, Object> spec = YamlNodes.map(kafka.get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(3);
        // OrderedReady would wait for kafka-0 to be ready, which needs a quorum of two.
        assertThat(spec.get("podManagementPolicy")).isEqualTo("Parallel");
        String headless = (String) spec.get("serviceName");
        Map<String, Object> service = YamlNodes.map(Kustomize.baseResource("Service", headless).get("spec"));
        assertThat(service.get("clusterIP")).isEqualTo("None");
        assertThat(service.get("publishNotReadyAddresses")).isEqualTo(true);

        Map<String, Object> container = maps(Workloads.podSpecs(kafka).get(0).get("containers")).get(0);
        assertThat(imageMajorVersion(container)).isEqualTo(4);
        Map<String, String> env = new HashMap<>();
        maps(container.get("env")).forEach(e -> env.put((String) e.get("name"), String.valueOf(e.get("value"))));
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        Pattern voter = Pattern.compile("(\\d+)@kafka-(\\d+)\\." + Pattern.quote(headless) + "\\.[^:]+:9093");
        List<String> voters = List.of(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","));
        assertThat(voters).hasSize(3);
        Set<Integer> ids = new TreeSet<>();
        for (String v : voters) {
            Matcher m = voter.matcher(v);
            assertThat(m.matches()).as("voter %s is <ordinal>@kafka-<ordinal>.%s...:9093", v, headless).isTrue();
            assertThat(m.group(1)).as(v).isEqualTo(m.group(2));
            ids.add(Integer.parseInt(m.group(1)));
        }
        assertThat(ids).containsExactly(0, 1, 2);
        // The node id comes from the pod's ordinal, so voter N is pod kafka-N.
        assertThat(strings(container.get("args")).get(0)).contains("KAFKA_NODE_ID=\"${HOSTNAME##*-}\"");

        Set<String> brokers = Set.of("kafka-0." + headless + ":9092", "kafka-1." + headless + ":9092",
                "kafka-2." + headless + ":9092");
        assertThat(Set.of(Workloads.environment("stream-bridge").get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")))
                .isEqualTo(brokers);
    }

    private static int imageMajorVersion(Map<String, Object> serviceOrContainer) {
        String image = String.valueOf(serviceOrContainer.get("image"));
        return Integer.parseInt(image.substring(image.lastIndexOf(':') + 1).split("\\.")[0]);
    }
}
