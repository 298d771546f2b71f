package org.rainbow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.maps;
import static org.rainbow.deploy.YamlNodes.strings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** k8s/ resolves: every file a kustomization names exists, every patch finds its target, every reference resolves. */
class KustomizationsTest {

    @Test
    void everyFileAKustomizationNamesExists() {
        List<Path> kustomizations = Kustomize.kustomizations();
        assertThat(kustomizations).extracting(p -> Checkout.ROOT.relativize(p).toString())
                .contains("k8s/base/kustomization.yaml", "k8s/overlays/local/kustomization.yaml",
                        "k8s/overlays/gcp/kustomization.yaml");
        for (Path kustomization : kustomizations) {
            Path dir = kustomization.getParent();
            Map<String, Object> k = YamlNodes.file(kustomization);
            List<String> named = new ArrayList<>(strings(k.get("resources")));
            for (Map<String, Object> patch : maps(k.get("patches"))) {
                if (patch.containsKey("path")) {
                    named.add((String) patch.get("path"));
                }
            }
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                for (Map<String, Object> g : maps(k.get(generator))) {
                    named.addAll(strings(g.get("envs")));
                    // "key=path" names the key explicitly.
                    strings(g.get("files")).forEach(f -> named.add(f.substring(f.indexOf('=') + 1)));
                }
            }
            for (String entry : named) {
                Path file = dir.resolve(entry).normalize();
                assertThat(file).as("%s names %s", Checkout.ROOT.relativize(kustomization), entry).exists();
                if (Files.isDirectory(file)) {
                    assertThat(file.resolve("kustomization.yaml")).as("%s names a directory", entry).exists();
                }
            }
        }
    }

    @Test
    void overlayPatchesTargetResourcesTheyInclude() {
        for (Path kustomization : Kustomize.kustomizations()) {
            Path dir = kustomization.getParent();
            List<Map<String, Object>> resources = Kustomize.resources(dir);
            for (Map<String, Object> patch : maps(YamlNodes.file(kustomization).get("patches"))) {
                Map<String, Object> target = map(patch.get("target"));
                if (!target.isEmpty()) {
                    assertThat(resources).as("resources matching patch target %s", target)
                            .anyMatch(r -> Kustomize.matches(r, target));
                    continue;
                }
                for (Map<String, Object> doc : YamlNodes.documents(dir.resolve((String) patch.get("path")))) {
                    assertThat(resources).as("%s patches %s/%s", patch.get("path"), doc.get("kind"), Kustomize.name(doc))
                            .anyMatch(r -> r.get("kind").equals(doc.get("kind"))
                                    && Kustomize.name(r).equals(Kustomize.name(doc)));
                }
            }
        }
    }

    @Test
    void secretAndConfigMapReferencesResolveInTheBase() {
        List<Map<String, Object>> resources = Kustomize.resources(Kustomize.BASE);
        Map<String, Set<String>> secretKeys = new HashMap<>();
        resources.stream().filter(r -> r.get("kind").equals("Secret"))
                .forEach(s -> secretKeys.put(Kustomize.name(s), map(s.get("stringData")).keySet()));
        Set<String> configMaps = new HashSet<>();
        maps(Kustomize.kustomization(Kustomize.BASE).get("configMapGenerator"))
                .forEach(g -> configMaps.add((String) g.get("name")));
        for (Map<String, Object> workload : resources) {
            for (Map<String, Object> pod : Workloads.podSpecs(workload)) {
                for (Map<String, Object> container : maps(pod.get("containers"))) {
                    for (Map<String, Object> env : maps(container.get("env"))) {
                        Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                        if (!ref.isEmpty()) {
                            assertThat(secretKeys.getOrDefault((String) ref.get("name"), Set.of()))
                                    .as("%s: %s from secret %s", Kustomize.name(workload), env.get("name"), ref.get("name"))
                                    .contains((String) ref.get("key"));
                        }
                    }
                    for (Map<String, Object> from : maps(container.get("envFrom"))) {
                        assertThat(configMaps).as("%s: envFrom", Kustomize.name(workload))
                                .contains((String) map(from.get("configMapRef")).get("name"));
                    }
                }
                for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                    Map<String, Object> configMap = map(volume.get("configMap"));
                    if (!configMap.isEmpty()) {
                        assertThat(configMaps).as("%s: volume %s", Kustomize.name(workload), volume.get("name"))
                                .contains((String) configMap.get("name"));
                    }
                }
            }
        }
    }
}
