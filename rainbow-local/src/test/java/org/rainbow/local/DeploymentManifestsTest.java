package org.rainbow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards the deployment artifacts (docker-compose.yml, k8s/, the services' Dockerfiles) against drifting away
 * from the services they deploy: ports, property names, health probes, the Kafka quorum, the daily run's route,
 * the single-writer warehouse and the shared object storage. Reads files only: no Docker, no cluster.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = checkoutRoot();
    private static final Path BASE = ROOT.resolve("k8s/base");

    /** The services' ports, as the README's port table gives them. */
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "rainbow-api", 8080, "serving-api", 8081, "batch-pipeline", 8082, "stream-bridge", 8083);

    /** Variables in these namespaces are Spring settings: each must bind to a property of its service. */
    private static final List<String> SPRING_NAMESPACES = List.of("RAINBOW_", "SPRING_", "MANAGEMENT_", "SERVER_");

    /** Actuator's own port in every service's container (MANAGEMENT_SERVER_PORT): probes only, never published. */
    private static final int MANAGEMENT_PORT = 9090;

    /** Spring Boot's own properties that the manifests set although no application.yml mentions them. */
    private static final Set<String> BOOT_PROPERTIES = Set.of("management.endpoint.health.probes.enabled",
            "management.server.port", "spring.datasource.password", "spring.flyway.user", "spring.flyway.password");

    /** serving-api's settings as its contract names them: the check falls back on these until the module exists. */
    private static final Set<String> SERVING_API_CONTRACT = Set.of("server.port", "rainbow.serving.engine",
            "rainbow.serving.clickhouse.url", "rainbow.serving.clickhouse.user", "rainbow.serving.clickhouse.password",
            "rainbow.serving.clickhouse.database", "rainbow.serving.clickhouse.speed-database",
            "rainbow.serving.speed-sink.enabled", "rainbow.storage.engine", "rainbow.storage.local-root",
            "rainbow.storage.gcs-bucket");

    // ---------------------------------------------------------------------------------------------- Kustomize

    @Test
    void everyFileAKustomizationNamesExists() {
        List<Path> kustomizations = kustomizationFiles();
        assertThat(kustomizations).extracting(p -> ROOT.relativize(p).toString())
                .contains("k8s/base/kustomization.yaml", "k8s/overlays/local/kustomization.yaml",
                        "k8s/overlays/gcp/kustomization.yaml");
        for (Path kustomization : kustomizations) {
            Path dir = kustomization.getParent();
            Map<String, Object> k = yamlFile(kustomization);
            List<String> named = new ArrayList<>();
            strings(k.get("resources")).forEach(named::add);
            for (Map<String, Object> patch : maps(k.get("patches"))) {
                if (patch.containsKey("path")) {
                    named.add((String) patch.get("path"));
                }
            }
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                for (Map<String, Object> g : maps(k.get(generator))) {
                    strings(g.get("envs")).forEach(named::add);
                    // "key=path" names the key explicitly.
                    strings(g.get("files")).forEach(f -> named.add(f.substring(f.indexOf('=') + 1)));
                }
            }
            for (String entry : named) {
                Path file = dir.resolve(entry).normalize();
                assertThat(file).as("%s names %s", ROOT.relativize(kustomization), entry).exists();
                if (Files.isDirectory(file)) {
                    assertThat(file.resolve("kustomization.yaml")).as("%s names a directory", entry).exists();
                }
            }
        }
    }

    @Test
    void overlayPatchesTargetResourcesTheyInclude() {
        for (Path kustomization : kustomizationFiles()) {
            Path dir = kustomization.getParent();
            List<Map<String, Object>> resources = kustomizeResources(dir);
            for (Map<String, Object> patch : maps(yamlFile(kustomization).get("patches"))) {
                Map<String, Object> target = map(patch.get("target"));
                if (!target.isEmpty()) {
                    assertThat(resources).as("resources matching patch target %s", target)
                            .anyMatch(r -> matches(r, target));
                    continue;
                }
                for (Map<String, Object> doc : yamlDocuments(dir.resolve((String) patch.get("path")))) {
                    assertThat(resources).as("%s patches %s/%s", patch.get("path"), doc.get("kind"), name(doc))
                            .anyMatch(r -> r.get("kind").equals(doc.get("kind")) && name(r).equals(name(doc)));
                }
            }
        }
    }

    @Test
    void secretAndConfigMapReferencesResolveInTheBase() {
        List<Map<String, Object>> resources = kustomizeResources(BASE);
        Map<String, Set<String>> secretKeys = new HashMap<>();
        resources.stream().filter(r -> r.get("kind").equals("Secret"))
                .forEach(s -> secretKeys.put(name(s), map(s.get("stringData")).keySet()));
        Set<String> configMaps = new HashSet<>();
        maps(yamlFile(BASE.resolve("kustomization.yaml")).get("configMapGenerator"))
                .forEach(g -> configMaps.add((String) g.get("name")));
        for (Map<String, Object> workload : resources) {
            for (Map<String, Object> pod : podSpecs(workload)) {
                for (Map<String, Object> container : maps(pod.get("containers"))) {
                    for (Map<String, Object> env : maps(container.get("env"))) {
                        Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                        if (!ref.isEmpty()) {
                            assertThat(secretKeys.getOrDefault((String) ref.get("name"), Set.of()))
                                    .as("%s: %s from secret %s", name(workload), env.get("name"), ref.get("name"))
                                    .contains((String) ref.get("key"));
                        }
                    }
                    for (Map<String, Object> from : maps(container.get("envFrom"))) {
                        assertThat(configMaps).as("%s: envFrom", name(workload))
                                .contains((String) map(from.get("configMapRef")).get("name"));
                    }
                }
                for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                    Map<String, Object> configMap = map(volume.get("configMap"));
                    if (!configMap.isEmpty()) {
                        assertThat(configMaps).as("%s: volume %s", name(workload), volume.get("name"))
                                .contains((String) configMap.get("name"));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    @Test
    void composeRunsThreeKafkaNodesInOneQuorum() {
        Map<String, Map<String, Object>> services = composeServices();
        Map<String, Map<String, String>> kafka = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("apache/kafka:")) {
                assertThat(imageMajorVersion(service)).as("%s runs Kafka 4.x", name).isEqualTo(4);
                String host = (String) service.getOrDefault("hostname", name);
                kafka.put(host, environment(service));
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
        assertThat(Set.of(environment(services.get("stream-bridge")).get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")))
                .isEqualTo(brokers);
        assertThat(Set.of(environment(services.get("kafka-ui")).get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS").split(",")))
                .isEqualTo(brokers);
    }

    @Test
    void kafkaUiIsKafbatsPinnedReleaseReadOnlyBehindALoginInComposeAndKubernetes() {
        Map<String, Object> compose = composeServices().get("kafka-ui");
        Map<String, Object> container = maps(podSpecs(baseResource("Deployment", "kafka-ui")).get(0).get("containers")).get(0);
        Map<String, Object> kubernetesEnv = new HashMap<>();
        maps(container.get("env")).forEach(e -> kubernetesEnv.put((String) e.get("name"),
                e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
        for (String image : List.of(String.valueOf(compose.get("image")), String.valueOf(container.get("image")))) {
            assertThat(image).matches("ghcr\\.io/kafbat/kafka-ui:v\\d+\\.\\d+\\.\\d+");
        }
        assertThat(compose.get("image")).isEqualTo(container.get("image"));
        Map<String, String> composeEnv = environment(compose);
        assertThat(composeEnv).containsEntry("KAFKA_CLUSTERS_0_READONLY", "true").containsEntry("AUTH_TYPE", "LOGIN_FORM");
        assertThat(composeEnv.get("SPRING_SECURITY_USER_PASSWORD")).startsWith("${KAFKA_UI_PASSWORD");
        assertThat(kubernetesEnv).containsEntry("KAFKA_CLUSTERS_0_READONLY", "true").containsEntry("AUTH_TYPE", "LOGIN_FORM");
        assertThat(String.valueOf(kubernetesEnv.get("SPRING_SECURITY_USER_PASSWORD"))).contains("kafka-ui-password");
    }

    @Test
    void kubernetesKafkaHasThreeReplicasMatchingItsQuorumVoters() {
        Map<String, Object> kafka = baseResource("StatefulSet", "kafka");
        Map<String, Object> spec = map(kafka.get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(3);
        // OrderedReady would wait for kafka-0 to be ready, which needs a quorum of two.
        assertThat(spec.get("podManagementPolicy")).isEqualTo("Parallel");
        String headless = (String) spec.get("serviceName");
        Map<String, Object> service = map(baseResource("Service", headless).get("spec"));
        assertThat(service.get("clusterIP")).isEqualTo("None");
        assertThat(service.get("publishNotReadyAddresses")).isEqualTo(true);

        Map<String, Object> container = maps(podSpecs(kafka).get(0).get("containers")).get(0);
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
        assertThat(Set.of(kubernetesEnvironment("stream-bridge").get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")))
                .isEqualTo(brokers);
    }

    // ---------------------------------------------------------------------------------------------- services

    @Test
    void servicesListenOnTheirContractPortsEverywhere() {
        Map<String, Map<String, Object>> compose = composeServices();
        SERVICE_PORTS.forEach((module, port) -> {
            Path yml = applicationYml(module);
            if (Files.exists(yml)) {
                assertThat(flatten(yamlFile(yml)).get("server.port")).as("%s server.port", module).isEqualTo(port);
            }

            String dockerfile = read(ROOT.resolve(module).resolve("Dockerfile"));
            assertThat(dockerfile).as("%s/Dockerfile", module)
                    .containsPattern("(?m)^FROM eclipse-temurin:17-jre\\s*$")
                    .containsPattern("(?m)^COPY target/" + Pattern.quote(module) + "-\\*-exec\\.jar ")
                    .containsPattern("(?m)^EXPOSE " + port + "\\s*$");
            Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
            assertThat(user.find()).as("%s/Dockerfile sets USER", module).isTrue();
            assertThat(user.group(1)).as("%s runs as", module).doesNotStartWith("root").doesNotStartWith("0:")
                    .isNotEqualTo("0");

            Map<String, Object> service = compose.get(module);
            assertThat(service).as("compose service %s", module).isNotNull();
            Object build = service.get("build");
            assertThat(build instanceof Map<?, ?> ? map(build).get("context") : build)
                    .as("%s builds from its module", module).isEqualTo("./" + module);
            assertThat(strings(service.get("ports"))).as("%s ports", module).containsExactly("127.0.0.1:" + port + ":" + port);
            assertThat(environment(service)).as("%s management port", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT));
            assertThat(kubernetesEnvironment(module)).as("%s management port on Kubernetes", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT));
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as("%s compose healthcheck", module)
                    .contains("127.0.0.1:" + MANAGEMENT_PORT + "/actuator/health/readiness");

            Map<String, Object> container = serviceContainer(module);
            Map<String, Object> http = maps(container.get("ports")).stream()
                    .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
            assertThat(http.get("containerPort")).as("%s containerPort", module).isEqualTo(port);
            assertThat(maps(container.get("ports"))).as("%s management containerPort", module)
                    .anySatisfy(p -> assertThat(p).containsEntry("name", "management")
                            .containsEntry("containerPort", MANAGEMENT_PORT));
            assertThat(String.valueOf(container.get("image"))).isEqualTo("ghcr.io/rainbow-data/" + module + ":0.1.0");
            Map<String, Object> k8sService = maps(map(baseResource("Service", module).get("spec")).get("ports")).get(0);
            assertThat(k8sService.get("port")).as("%s Service port", module).isEqualTo(port);
            assertThat(k8sService.get("targetPort")).isEqualTo("http");
        });
    }

    @Test
    void composePublishesEveryPortOnLoopbackOnly() {
        composeServices().forEach((name, service) -> {
            for (String published : strings(service.getOrDefault("ports", List.of()))) {
                assertThat(published).as("%s publishes %s", name, published).startsWith("127.0.0.1:");
            }
        });
    }

    @Test
    void probesAskSpringBootsHealthGroups() {
        for (String module : SERVICE_PORTS.keySet()) {
            Map<String, Object> container = serviceContainer(module);
            assertThat(probePath(container, "livenessProbe")).as("%s liveness", module)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).as("%s readiness", module)
                    .isEqualTo("/actuator/health/readiness");
            if (container.containsKey("startupProbe")) {
                assertThat(probePath(container, "startupProbe")).as("%s startup", module)
                        .isEqualTo("/actuator/health/liveness");
            }
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).as("%s requests", module).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as("%s limits", module).containsKey("memory");
            // The groups exist only where probes are on: in application.yml, or set by the manifests.
            String probes = "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED";
            boolean inYml = Files.exists(applicationYml(module)) && Boolean.TRUE.equals(
                    flatten(yamlFile(applicationYml(module))).get("management.endpoint.health.probes.enabled"));
            assertThat(inYml || "true".equals(kubernetesEnvironment(module).get(probes)))
                    .as("%s has liveness/readiness groups on Kubernetes", module).isTrue();
            assertThat(inYml || "true".equals(environment(composeServices().get(module)).get(probes)))
                    .as("%s has liveness/readiness groups in compose", module).isTrue();
        }
    }

    @Test
    void everySpringVariableBindsToAPropertyOfItsService() {
        List<String> unbound = new ArrayList<>();
        for (String module : SERVICE_PORTS.keySet()) {
            Set<String> properties = knownProperties(module);
            Map<String, String> variables = new LinkedHashMap<>();
            environment(composeServices().get(module)).keySet().forEach(v -> variables.put(v, "docker-compose.yml"));
            kubernetesVariableNames(module).forEach(v -> variables.putIfAbsent(v, "k8s"));
            assertThat(variables).as("%s gets settings", module).isNotEmpty();
            variables.forEach((variable, where) -> {
                if (SPRING_NAMESPACES.stream().anyMatch(variable::startsWith) && !binds(variable, properties)) {
                    unbound.add(module + ": " + variable + " (" + where + ")");
                }
            });
        }
        assertThat(unbound).as("variables that bind to no property of their service").isEmpty();
    }

    @Test
    void bindingCheckFollowsRelaxedBindingAndRejectsMisspellings() {
        Set<String> properties = recordProperties("""
                @Validated
                @ConfigurationProperties("rainbow.bridge.sink")
                public record SinkProperties(@DefaultValue("true") boolean enabled,
                        @DefaultValue("duckdb, or not") @NotNull Engine engine,
                        @DefaultValue @Valid ClickHouse clickhouse, Map<String, String> labels) {
                    public record ClickHouse(@DefaultValue("http://127.0.0.1:8123") @NotBlank String url,
                                             @Size(min = 1, max = 3) String speedDatabase) {
                    }
                }
                """);
        assertThat(properties).containsExactlyInAnyOrder("rainbow.bridge.sink.enabled", "rainbow.bridge.sink.engine",
                "rainbow.bridge.sink.clickhouse.url", "rainbow.bridge.sink.clickhouse.speed-database",
                "rainbow.bridge.sink.labels.*");
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOUSE_URL", properties)).isTrue();
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOUSE_SPEED_DATABASE", properties)).isTrue();
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOUSE_SPEEDDATABASE", properties)).isTrue();
        assertThat(binds("RAINBOW_BRIDGE_SINK_LABELS_TEAM", properties)).isTrue();
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOUSE_URLS", properties)).isFalse();
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOUSE", properties)).isFalse();
        assertThat(binds("RAINBOW_BRIDGE_SINK_CLICKHOSE_URL", properties)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------- batch layer

    @Test
    void dailyRunCallsThePartitionRouteForYesterdayAtMidnightUtc() {
        String controller = read(ROOT.resolve(
                "batch-pipeline/src/main/java/org/rainbow/pipeline/partition/PartitionController.java"));
        assertThat(controller).contains("@RequestMapping(\"/api/v1\")")
                .contains("@PostMapping(\"/partitions/{date}/runs\")");

        Map<String, Object> cronJob = kustomizeResources(BASE).stream()
                .filter(r -> r.get("kind").equals("CronJob")).findFirst().orElseThrow();
        Map<String, Object> spec = map(cronJob.get("spec"));
        assertThat(spec.get("schedule")).isEqualTo("0 0 * * *");
        assertThat(spec.get("timeZone")).isEqualTo("Etc/UTC");
        assertThat(spec.get("concurrencyPolicy")).isEqualTo("Forbid");
        String script = String.join("\n", strings(maps(podSpecs(cronJob).get(0).get("containers")).get(0).get("args")));
        assertThat(script)
                .contains("http://batch-pipeline:" + SERVICE_PORTS.get("batch-pipeline"))
                .contains("-X POST")
                .contains("-H \"Authorization: Bearer ${API_TOKEN}\" \"${base}/api/v1/partitions/${day}/runs\"")
                .contains("date -u -d \"@$(( $(date -u +%s) - 86400 ))\" +%F");

        assertThat(kubernetesEnvironment("batch-pipeline")).containsEntry("RAINBOW_PIPELINE_SCHEDULE_ENABLED", "false");
        assertThat(environment(composeServices().get("batch-pipeline")))
                .containsEntry("RAINBOW_PIPELINE_SCHEDULE_ENABLED", "true");
    }

    @Test
    void batchPipelineIsTheOnlyWriterOfItsWarehouseAndSharesTheObjectStorage() {
        Map<String, Object> pipeline = baseResource("Deployment", "batch-pipeline");
        assertThat(map(pipeline.get("spec")).get("replicas")).isEqualTo(1);
        assertThat(map(map(pipeline.get("spec")).get("strategy")).get("type")).isEqualTo("Recreate");

        Map<String, String> pipelineEnv = kubernetesEnvironment("batch-pipeline");
        Map<String, String> servingEnv = kubernetesEnvironment("serving-api");
        assertThat(pipelineEnv.get("RAINBOW_WAREHOUSE_ENGINE")).isEqualTo("duckdb");
        String warehouseDir = Path.of(pipelineEnv.get("RAINBOW_WAREHOUSE_DUCKDB_FILE")).getParent().toString();
        assertThat(claimMountedAt("batch-pipeline", warehouseDir)).isEqualTo("batch-pipeline-warehouse");

        String storageRoot = pipelineEnv.get("RAINBOW_STORAGE_LOCAL_ROOT");
        assertThat(servingEnv.get("RAINBOW_STORAGE_LOCAL_ROOT")).isEqualTo(storageRoot);
        assertThat(claimMountedAt("serving-api", storageRoot)).isNotNull()
                .isEqualTo(claimMountedAt("batch-pipeline", storageRoot));

        Map<String, Map<String, Object>> compose = composeServices();
        String pipelineVolume = composeVolumeAt(compose.get("batch-pipeline"),
                environment(compose.get("batch-pipeline")).get("RAINBOW_STORAGE_LOCAL_ROOT"));
        assertThat(pipelineVolume).isNotNull().isEqualTo(composeVolumeAt(compose.get("serving-api"),
                environment(compose.get("serving-api")).get("RAINBOW_STORAGE_LOCAL_ROOT")));
        assertThat(map(yamlFile(ROOT.resolve("docker-compose.yml")).get("volumes"))).containsKey(pipelineVolume);
        Path composeWarehouse = Path.of(environment(compose.get("batch-pipeline")).get("RAINBOW_WAREHOUSE_DUCKDB_FILE"));
        assertThat(composeVolumeAt(compose.get("batch-pipeline"), composeWarehouse.getParent().toString())).isNotNull();
    }

    @Test
    void theServingStoresReadOnlyLoginIsMadeInComposeAndKubernetesAndMaySelectOnly() {
        String script = read(BASE.resolve("clickhouse/reader-login.sh"));
        List<String> statements = Arrays.stream(script.substring(script.indexOf("--query \"") + 9).split(";"))
                .map(String::strip).filter(st -> !st.isEmpty() && !st.equals("\"")).toList();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("CREATE USER").endsWith("SETTINGS readonly = 2");
        assertThat(statements.subList(1, 3)).allMatch(st -> st.matches("GRANT SELECT ON (serving|speed)\\.\\* TO \\S+"));

        Map<String, Object> compose = composeServices().get("clickhouse");
        assertThat(strings(compose.get("volumes")))
                .contains("./k8s/base/clickhouse/reader-login.sh:/docker-entrypoint-initdb.d/reader-login.sh:ro");
        assertThat(environment(compose)).containsKeys("CLICKHOUSE_READER_USER", "CLICKHOUSE_READER_PASSWORD")
                .containsEntry("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT", "1");
        assertThat(maps(yamlFile(BASE.resolve("kustomization.yaml")).get("configMapGenerator")))
                .filteredOn(g -> g.get("name").equals("clickhouse-init")).singleElement()
                .satisfies(g -> assertThat(strings(g.get("files"))).contains("clickhouse/reader-login.sh"));
        Map<String, Object> statefulSet = baseResource("StatefulSet", "clickhouse");
        List<String> variables = podSpecs(statefulSet).stream().flatMap(pod -> maps(pod.get("containers")).stream())
                .flatMap(container -> maps(container.get("env")).stream()).map(env -> (String) env.get("name")).toList();
        assertThat(variables).contains("CLICKHOUSE_READER_USER", "CLICKHOUSE_READER_PASSWORD",
                "CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT");
    }

    @Test
    void gcpOverlayMovesTheObjectStorageToGcs() {
        Path gcp = ROOT.resolve("k8s/overlays/gcp");
        for (String module : List.of("batch-pipeline", "serving-api")) {
            assertThat(generatorLiterals(gcp, module + "-config")).as(module)
                    .containsEntry("RAINBOW_STORAGE_ENGINE", "gcs").containsKey("RAINBOW_STORAGE_GCS_BUCKET");
        }
        List<Map<String, Object>> resources = kustomizeResources(gcp);
        assertThat(resources).anyMatch(r -> r.get("kind").equals("ServiceAccount")
                && map(map(r.get("metadata")).get("annotations")).containsKey("iam.gke.io/gcp-service-account"));
        Map<String, Object> servingPatch = yamlDocuments(gcp.resolve("patches/serving-api.yaml")).get(0);
        assertThat(map(servingPatch.get("spec")).get("replicas")).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------- helpers: files

    private static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout with docker-compose.yml and k8s/ above "
                + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> yamlFile(Path file) {
        return yamlDocuments(file).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** Leaf keys of a YAML tree, dot-separated, with their values. */
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        flatten("", tree, leaves);
        return leaves;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> leaves) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(path, map(value), leaves);
            } else {
                leaves.put(path, value);
            }
        });
    }

    private static Path applicationYml(String module) {
        return ROOT.resolve(module).resolve("src/main/resources/application.yml");
    }

    private static int imageMajorVersion(Map<String, Object> serviceOrContainer) {
        String image = String.valueOf(serviceOrContainer.get("image"));
        return Integer.parseInt(image.substring(image.lastIndexOf(':') + 1).split("\\.")[0]);
    }

    // ---------------------------------------------------------------------------------------------- helpers: compose

    private static Map<String, Map<String, Object>> composeServices() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(yamlFile(ROOT.resolve("docker-compose.yml")).get("services")).forEach((n, s) -> services.put(n, map(s)));
        return services;
    }

    /** A compose service's environment, in either of compose's two forms (map, or list of KEY=VALUE). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = service.get("environment");
        if (value instanceof List<?> list) {
            list.forEach(e -> {
                String entry = String.valueOf(e);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            });
        } else {
            map(value).forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
        }
        return env;
    }

    /** The named volume a compose service mounts at {@code path}, or null. */
    private static String composeVolumeAt(Map<String, Object> service, String path) {
        return strings(service.get("volumes")).stream().map(v -> v.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith("."))
                .map(parts -> parts[0]).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------------------------------------- helpers: k8s

    private static List<Path> kustomizationFiles() {
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources a kustomization brings in (its own and its bases'), as written: before patches. */
    private static List<Map<String, Object>> kustomizeResources(Path dir) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String entry : strings(yamlFile(dir.resolve("kustomization.yaml")).get("resources"))) {
            Path path = dir.resolve(entry).normalize();
            resources.addAll(Files.isDirectory(path) ? kustomizeResources(path) : yamlDocuments(path));
        }
        return resources;
    }

    private static Map<String, Object> baseResource(String kind, String name) {
        return kustomizeResources(BASE).stream().filter(r -> r.get("kind").equals(kind) && name(r).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s/base"));
    }

    private static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata")).get("name"));
    }

    private static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
        if (target.containsKey("kind") && !target.get("kind").equals(resource.get("kind"))) {
            return false;
        }
        if (target.containsKey("name") && !target.get("name").equals(name(resource))) {
            return false;
        }
        Map<String, Object> labels = map(map(resource.get("metadata")).get("labels"));
        for (String requirement : strings(target.get("labelSelector")).stream()
                .flatMap(s -> Stream.of(s.split(","))).toList()) {
            String[] kv = requirement.split("=", 2);
            if (!kv[1].equals(labels.get(kv[0].trim()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Map<String, Object>> podSpecs(Map<String, Object> resource) {
        Map<String, Object> spec = map(resource.get("spec"));
        Map<String, Object> template = resource.get("kind").equals("CronJob")
                ? map(map(map(spec.get("jobTemplate")).get("spec")).get("template"))
                : map(spec.get("template"));
        return template.isEmpty() ? List.of() : List.of(map(template.get("spec")));
    }

    private static Map<String, Object> serviceContainer(String module) {
        return maps(podSpecs(baseResource("Deployment", module)).get(0).get("containers")).stream()
                .filter(c -> module.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + module + " has no container " + module));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertThat(httpGet.get("port")).as(probe + " port").isEqualTo("management");
        return (String) httpGet.get("path");
    }

    /** The claim a service's pod mounts at {@code path}, or null. */
    private static String claimMountedAt(String module, String path) {
        Map<String, Object> pod = podSpecs(baseResource("Deployment", module)).get(0);
        String volume = maps(serviceContainer(module).get("volumeMounts")).stream()
                .filter(m -> path.equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst().orElse(null);
        return maps(pod.get("volumes")).stream().filter(v -> v.get("name").equals(volume))
                .map(v -> (String) map(v.get("persistentVolumeClaim")).get("claimName")).findFirst().orElse(null);
    }

    /** What a service's ConfigMap holds in the base: its generator's env files and literals. */
    private static Map<String, String> kubernetesEnvironment(String module) {
        return generatorLiterals(BASE, module + "-config");
    }

    private static Map<String, String> generatorLiterals(Path dir, String generator) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> g : maps(yamlFile(dir.resolve("kustomization.yaml")).get("configMapGenerator"))) {
            if (!generator.equals(g.get("name"))) {
                continue;
            }
            List<String> lines = new ArrayList<>(strings(g.get("literals")));
            strings(g.get("envs")).forEach(f -> lines.addAll(read(dir.resolve(f)).lines().toList()));
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return values;
    }

    /**
     * Every variable Kubernetes gives a service's container: its Deployment's env, its ConfigMap's keys, and
     * what the overlays add to both (ConfigMap merges, Deployment patches).
     */
    private static Set<String> kubernetesVariableNames(String module) {
        Set<String> names = new TreeSet<>();
        maps(serviceContainer(module).get("env")).forEach(e -> names.add((String) e.get("name")));
        for (Path kustomization : kustomizationFiles()) {
            Path dir = kustomization.getParent();
            names.addAll(generatorLiterals(dir, module + "-config").keySet());
            for (Map<String, Object> patch : maps(yamlFile(kustomization).get("patches"))) {
                if (patch.containsKey("target")) {
                    continue;
                }
                for (Map<String, Object> doc : yamlDocuments(dir.resolve((String) patch.get("path")))) {
                    if ("Deployment".equals(doc.get("kind")) && module.equals(name(doc))) {
                        podSpecs(doc).forEach(pod -> maps(pod.get("containers"))
                                .forEach(c -> maps(c.get("env")).forEach(e -> names.add((String) e.get("name")))));
                    }
                }
            }
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------- helpers: Spring

    /**
     * The properties a service binds: the keys of its application.yml and the components of the
     * {@code @ConfigurationProperties} records in its module and in the Rainbow modules it depends on.
     */
    private static Set<String> knownProperties(String module) {
        Set<String> properties = new TreeSet<>(BOOT_PROPERTIES);
        if (Files.exists(applicationYml(module))) {
            properties.addAll(flatten(yamlFile(applicationYml(module))).keySet());
        } else if (module.equals("serving-api")) {
            properties.addAll(SERVING_API_CONTRACT);
        }
        for (String dependency : rainbowModules(module, new LinkedHashSet<>())) {
            Path sources = ROOT.resolve(dependency).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).map(DeploymentManifestsTest::read)
                        .filter(source -> source.contains("@ConfigurationProperties("))
                        .forEach(source -> properties.addAll(recordProperties(source)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** The module and, transitively, the Rainbow modules it uses outside tests. */
    private static Set<String> rainbowModules(String module, Set<String> seen) {
        Path pom = ROOT.resolve(module).resolve("pom.xml");
        if (!seen.add(module) || !Files.exists(pom)) {
            return seen;
        }
        Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(read(pom));
        while (dependency.find()) {
            String d = dependency.group(1);
            Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(d);
            if (d.contains("<groupId>org.rainbow</groupId>") && !d.contains("<scope>test</scope>") && artifact.find()) {
                rainbowModules(artifact.group(1), seen);
            }
        }
        return seen;
    }

    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\s*\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"");

    /**
     * The property names ({@code prefix.kebab-case}) of the {@code @ConfigurationProperties} records in one source
     * file; a component whose type is a record of the same file is a nested group, a map or collection ends in
     * {@code .*} (any key below it).
     */
    static Set<String> recordProperties(String source) {
        Map<String, String> components = new HashMap<>();
        Matcher record = RECORD.matcher(source);
        while (record.find()) {
            components.put(record.group(1), balanced(source, record.end() - 1));
        }
        Set<String> properties = new TreeSet<>();
        Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
        while (annotation.find()) {
            Matcher annotated = RECORD.matcher(source);
            // Only a record declared right after the annotation (other annotations and modifiers between).
            if (annotated.find(annotation.end())
                    && source.substring(annotation.end(), annotated.start()).matches("[^;{}]*")) {
                addComponents(annotation.group(1), components.get(annotated.group(1)), components, properties, 0);
            }
        }
        return properties;
    }

    private static void addComponents(String prefix, String list, Map<String, String> records, Set<String> properties,
                                      int depth) {
        if (depth > 5) {
            throw new IllegalStateException("records nested too deep under " + prefix);
        }
        for (String component : splitTopLevel(list)) {
            String declaration = stripAnnotations(component).replaceAll("\\s+", " ").trim();
            if (declaration.isEmpty()) {
                continue;
            }
            int space = declaration.lastIndexOf(' ');
            String type = declaration.substring(0, space).trim();
            String key = prefix + "." + kebab(declaration.substring(space + 1).trim());
            String rawType = type.replaceAll("<.*>", "").trim();
            String simpleType = rawType.substring(rawType.lastIndexOf('.') + 1);
            if (records.containsKey(simpleType)) {
                addComponents(key, records.get(simpleType), records, properties, depth + 1);
            } else if (simpleType.matches("Map|List|Set|Collection") || simpleType.endsWith("[]")) {
                properties.add(key + ".*");
            } else {
                properties.add(key);
            }
        }
    }

    /** The text inside the parentheses that open at {@code open}, skipping string literals. */
    private static String balanced(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced parentheses at " + open);
    }

    private static int endOfString(String source, int quote) {
        for (int i = quote + 1; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated string at " + quote);
    }

    /** Splits a record's component list at the commas between components (not those in generics, annotations, strings). */
    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                i = endOfString(list, i);
            } else if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    private static String stripAnnotations(String component) {
        String rest = component.trim();
        while (rest.startsWith("@")) {
            int i = 1;
            while (i < rest.length() && (Character.isJavaIdentifierPart(rest.charAt(i)) || rest.charAt(i) == '.')) {
                i++;
            }
            String after = rest.substring(i).stripLeading();
            rest = after.startsWith("(") ? after.substring(balanced(after, 0).length() + 2).trim() : after;
        }
        return rest;
    }

    private static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    /**
     * Whether an environment variable binds to one of {@code properties} the way Spring Boot maps environment
     * variables: upper case, {@code .} to {@code _}, and a dash either dropped or turned into {@code _}.
     */
    static boolean binds(String variable, Set<String> properties) {
        for (String property : properties) {
            boolean below = property.endsWith(".*");
            String name = below ? property.substring(0, property.length() - 2) : property;
            for (String form : List.of(name.replace("-", ""), name.replace('-', '_'))) {
                String env = form.replace('.', '_').toUpperCase();
                if (below ? variable.startsWith(env + "_") : variable.equals(env)) {
                    return true;
                }
            }
        }
        return false;
    }
}
