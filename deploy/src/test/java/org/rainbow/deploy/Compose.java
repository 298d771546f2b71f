package org.rainbow.deploy;

import static org.rainbow.deploy.YamlNodes.map;
import static org.rainbow.deploy.YamlNodes.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compose file's services, their environment in either of compose's two forms, and their volumes. */
record Compose(Map<String, Map<String, Object>> services, Map<String, Object> volumes) {

    /** The repository's docker-compose.yml. */
    static Compose checkedIn() {
        return of(YamlNodes.file(Checkout.path("docker-compose.yml")));
    }

    /** A compose file given as text: for checks shown to fail on a broken one. */
    static Compose parse(String yaml) {
        return of(YamlNodes.documents(yaml).get(0));
    }

    private static Compose of(Map<String, Object> file) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(file.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return new Compose(services, map(file.get("volumes")));
    }

    Map<String, Object> service(String name) {
        return services.get(name);
    }

    /** A service's environment, from a map or a list of {@code KEY=VALUE}; a bare {@code KEY} has no value. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = services.get(service).get("environment");
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

    /** The named volume a service mounts at {@code path}, or null (bind mounts of files do not count). */
    String volumeAt(String service, String path) {
        return strings(services.get(service).get("volumes")).stream().map(v -> v.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith("."))
                .map(parts -> parts[0]).findFirst().orElse(null);
    }
}
