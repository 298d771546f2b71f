package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.maps;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The services' workloads on Kubernetes: pods, their containers, volumes and the variables they get. */
final class Workloads {

    private Workloads() {
    }

    /** The pod template of a Deployment, StatefulSet or CronJob; none for other kinds. */
    static List<Map<String, Object>> podSpecs(Map<String, Object> resource) {
        Map<String, Object> spec = map(resource.get("spec"));
        Map<String, Object> template = resource.get("kind").equals("CronJob")
                ? map(map(map(spec.get("jobTemplate")).get("spec")).get("template"))
                : map(spec.get("template"));
        return template.isEmpty() ? List.of() : List.of(map(template.get("spec")));
    }

    /** The container named for the service in its Deployment of the base. */
    static Map<String, Object> serviceContainer(String module) {
        return maps(podSpecs(Kustomize.baseResource("Deployment", module)).get(0).get("containers")).stream()
                .filter(c -> module.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + module + " has no container " + module));
    }

    /** The path a probe asks, which must be on the management port. */
    static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertThat(httpGet.get("port")).as(probe + " port").isEqualTo("management");
        return (String) httpGet.get("path");
    }

    /** The claim a service's pod mounts at {@code path}, or null. */
    static String claimMountedAt(String module, String path) {
        Map<String, Object> pod = podSpecs(Kustomize.baseResource("Deployment", module)).get(0);
        String volume = maps(serviceContainer(module).get("volumeMounts")).stream()
                .filter(m -> path.equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst().orElse(null);
        return maps(pod.get("volumes")).stream().filter(v -> v.get("name").equals(volume))
                .map(v -> (String) map(v.get("persistentVolumeClaim")).get("claimName")).findFirst().orElse(null);
    }

    /** What a service's ConfigMap holds in the base. */
    static Map<String, String> environment(String module) {
        return Kustomize.generatorLiterals(Kustomize.BASE, module + "-config");
    }

    /**
     * Every variable Kubernetes gives a service's container: its Deployment's env, its ConfigMap's keys, and
     * what the overlays add to both (ConfigMap merges, Deployment patches).
     */
    static Set<String> variableNames(String module) {
        Set<String> names = new TreeSet<>();
        maps(serviceContainer(module).get("env")).forEach(e -> names.add((String) e.get("name")));
        for (Path kustomization : Kustomize.kustomizations()) {
            Path dir = kustomization.getParent();
            names.addAll(Kustomize.generatorLiterals(dir, module + "-config").keySet());
            for (Map<String, Object> patch : Kustomize.patchFiles(kustomization)) {
                for (Map<String, Object> doc : YamlNodes.documents(dir.resolve((String) patch.get("path")))) {
                    if ("Deployment".equals(doc.get("kind")) && module.equals(Kustomize.name(doc))) {
                        podSpecs(doc).forEach(pod -> maps(pod.get("containers"))
                                .forEach(c -> maps(c.get("env")).forEach(e -> names.add((String) e.get("name")))));
                    }
                }
            }
        }
        return names;
    }
}
