package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.maps;
import static org.rainbow.deploy.YamlNodes.strings;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The batch layer and the stores as deployed: the daily run's route and time, the pipeline as the one writer of
 * its warehouse sharing the object storage with serving, the serving store's read-only login, the GCP overlay.
 */
class BatchDeploymentTest {

    private final Compose compose = Compose.checkedIn();

    @Test
    void dailyRunCallsThePartitionRouteForYesterdayAtMidnightUtc() {
        Class<?> controller = ClassUtils.resolveClassName("org.rainbow.pipeline.partition.PartitionController",
                getClass().getClassLoader());
        assertThat(AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class).path())
                .containsExactly("/api/v1");
        assertThat(Arrays.stream(controller.getDeclaredMethods()).map(BatchDeploymentTest::postPaths).flatMap(Stream::of))
                .contains("/partitions/{date}/runs");

        Map<String, Object> cronJob = Kustomize.resources(Kustomize.BASE).stream()
                .filter(r -> r.get("kind").equals("CronJob")).findFirst().orElseThrow();
        Map<String, Object> spec = map(cronJob.get("spec"));
        assertThat(spec.get("schedule")).isEqualTo("0 0 * * *");
        assertThat(spec.get("timeZone")).isEqualTo("Etc/UTC");
        assertThat(spec.get("concurrencyPolicy")).isEqualTo("Forbid");
        String script = String.join("\n", strings(maps(Workloads.podSpecs(cronJob).get(0).get("containers")).get(0)
                .get("args")));
        assertThat(script)
                .contains("http://batch-pipeline:" + ServiceDeploymentTest.SERVICE_PORTS.get("batch-pipeline"))
                .contains("-X POST")
                .contains("-H \"Authorization: Bearer ${API_TOKEN}\" \"${base}/api/v1/partitions/${day}/runs\"")
                .contains("date -u -d \"@$(( $(date -u +%s) - 86400 ))\" +%F");

        assertThat(Workloads.environment("batch-pipeline")).containsEntry("RAINBOW_PIPELINE_SCHEDULE_ENABLED", "false");
        assertThat(compose.environment("batch-pipeline")).containsEntry("RAINBOW_PIPELINE_SCHEDULE_ENABLED", "true");
    }

    @Test
    void batchPipelineIsTheOnlyWriterOfItsWarehouseAndSharesTheObjectStorage() {
        Map<String, Object> pipeline = Kustomize.baseResource("Deployment", "batch-pipeline");
        assertThat(map(pipeline.get("spec")).get("replicas")).isEqualTo(1);
        assertThat(map(map(pipeline.get("spec")).get("strategy")).get("type")).isEqualTo("Recreate");

        Map<String, String> pipelineEnv = Workloads.environment("batch-pipeline");
        Map<String, String> servingEnv = Workloads.environment("serving-api");
        assertThat(pipelineEnv.get("RAINBOW_WAREHOUSE_ENGINE")).isEqualTo("duckdb");
        String warehouseDir = Path.of(pipelineEnv.get("RAINBOW_WAREHOUSE_DUCKDB_FILE")).getParent().toString();
        assertThat(Workloads.claimMountedAt("batch-pipeline", warehouseDir)).isEqualTo("batch-pipeline-warehouse");

        String storageRoot = pipelineEnv.get("RAINBOW_STORAGE_LOCAL_ROOT");
        assertThat(servingEnv.get("RAINBOW_STORAGE_LOCAL_ROOT")).isEqualTo(storageRoot);
        assertThat(Workloads.claimMountedAt("serving-api", storageRoot)).isNotNull()
                .isEqualTo(Workloads.claimMountedAt("batch-pipeline", storageRoot));

        String pipelineVolume = compose.volumeAt("batch-pipeline",
                compose.environment("batch-pipeline").get("RAINBOW_STORAGE_LOCAL_ROOT"));
        assertThat(pipelineVolume).isNotNull().isEqualTo(compose.volumeAt("serving-api",
                compose.environment("serving-api").get("RAINBOW_STORAGE_LOCAL_ROOT")));
        assertThat(compose.volumes()).containsKey(pipelineVolume);
        Path composeWarehouse = Path.of(compose.environment("batch-pipeline").get("RAINBOW_WAREHOUSE_DUCKDB_FILE"));
        assertThat(compose.volumeAt("batch-pipeline", composeWarehouse.getParent().toString())).isNotNull();
    }

    @Test
    void theServingStoresReadOnlyLoginIsMadeInComposeAndKubernetesAndMaySelectOnly() {
        String script = Checkout.read(Kustomize.BASE.resolve("clickhouse/reader-login.sh"));
        List<String> statements = Arrays.stream(script.substring(script.indexOf("--query \"") + 9).split(";"))
                .map(String::strip).filter(st -> !st.isEmpty() && !st.equals("\"")).toList();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("CREATE USER").endsWith("SETTINGS readonly = 2");
        assertThat(statements.subList(1, 3)).allMatch(st -> st.matches("GRANT SELECT ON (serving|speed)\\.\\* TO \\S+"));

        assertThat(strings(compose.service("clickhouse").get("volumes")))
                .contains("./k8s/base/clickhouse/reader-login.sh:/docker-entrypoint-initdb.d/reader-login.sh:ro");
        assertThat(compose.environment("clickhouse")).containsKeys("CLICKHOUSE_READER_USER", "CLICKHOUSE_READER_PASSWORD")
                .containsEntry("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT", "1");
        assertThat(maps(Kustomize.kustomization(Kustomize.BASE).get("configMapGenerator")))
                .filteredOn(g -> g.get("name").equals("clickhouse-init")).singleElement()
                .satisfies(g -> assertThat(strings(g.get("files"))).contains("clickhouse/reader-login.sh"));
        Map<String, Object> statefulSet = Kustomize.baseResource("StatefulSet", "clickhouse");
        List<String> variables = Workloads.podSpecs(statefulSet).stream()
                .flatMap(pod -> maps(pod.get("containers")).stream())
                .flatMap(container -> maps(container.get("env")).stream()).map(env -> (String) env.get("name")).toList();
        assertThat(variables).contains("CLICKHOUSE_READER_USER", "CLICKHOUSE_READER_PASSWORD",
                "CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT");
    }

    @Test
    void gcpOverlayMovesTheObjectStorageToGcs() {
        Path gcp = Checkout.path("k8s/overlays/gcp");
        for (String module : List.of("batch-pipeline", "serving-api")) {
            assertThat(Kustomize.generatorLiterals(gcp, module + "-config")).as(module)
                    .containsEntry("RAINBOW_STORAGE_ENGINE", "gcs").containsKey("RAINBOW_STORAGE_GCS_BUCKET");
        }
        List<Map<String, Object>> resources = Kustomize.resources(gcp);
        assertThat(resources).anyMatch(r -> r.get("kind").equals("ServiceAccount")
                && map(map(r.get("metadata")).get("annotations")).containsKey("iam.gke.io/gcp-service-account"));
        Map<String, Object> servingPatch = YamlNodes.documents(gcp.resolve("patches/serving-api.yaml")).get(0);
        assertThat(map(servingPatch.get("spec")).get("replicas")).isEqualTo(2);
    }

    private static String[] postPaths(Method method) {
        PostMapping post = AnnotatedElementUtils.findMergedAnnotation(method, PostMapping.class);
        return post == null ? new String[0] : post.path();
    }
}
