package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the executable jar a module's build produced ({@code <module>/target/<module>-*-exec.jar}). */
final class ServiceJars {

    private ServiceJars() {
    }

    static Path find(Path checkout, String module) {
        Path target = checkout.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + "; build first with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + target + "; build first with ./mvnw -DskipTests package", e);
        }
    }
}
