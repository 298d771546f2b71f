package org.rainbow.deploy;

import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.maps;
import static org.rainbow.deploy.YamlNodes.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a kustomization brings in, the way {@code kubectl kustomize} reads it: its resources and its bases'
 * (before patches), its patch targets, and the variables its ConfigMap generators hold.
 */
final class Kustomize {

    static final Path BASE = Checkout.path("k8s/base");

    private Kustomize() {
    }

    /** Every kustomization.yaml under k8s/. */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(Checkout.path("k8s"))) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> kustomization(Path dir) {
        return YamlNodes.file(dir.resolve("kustomization.yaml"));
    }

    /** The resources a kustomization brings in (its own and its bases'), as written: before patches. */
    static List<Map<String, Object>> resources(Path dir) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String entry : strings(kustomization(dir).get("resources"))) {
            Path path = dir.resolve(entry).normalize();
            resources.addAll(Files.isDirectory(path) ? resources(path) : YamlNodes.documents(path));
        }
        return resources;
    }

    static Map<String, Object> baseResource(String kind, String name) {
        return resources(BASE).stream().filter(r -> r.get("kind").equals(kind) && name(r).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s/base"));
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata")).get("name"));
    }

    /** Whether a patch's {@code target} (kind, name, label selector) selects the resource. */
    static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
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

    /** The variables a ConfigMap generator of this kustomization holds: its literals and its env files' lines. */
    static Map<String, String> generatorLiterals(Path dir, String generator) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> g : maps(kustomization(dir).get("configMapGenerator"))) {
            if (!generator.equals(g.get("name"))) {
                continue;
            }
            List<String> lines = new ArrayList<>(strings(g.get("literals")));
            strings(g.get("envs")).forEach(f -> lines.addAll(Checkout.read(dir.resolve(f)).lines().toList()));
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return values;
    }

    /** The patches of a kustomization that name a file (not an inline target). */
    static List<Map<String, Object>> patchFiles(Path kustomization) {
        return maps(YamlNodes.file(kustomization).get("patches")).stream().filter(p -> !p.containsKey("target")).toList();
    }
}
