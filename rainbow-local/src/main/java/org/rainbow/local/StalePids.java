package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Remembers the children of a running stack in {@code .rainbow/pids}, so a stack that was killed hard
 * (its shutdown hook never ran) does not leave services holding the ports for the next {@code up}.
 */
final class StalePids {

    private final Path file;

    StalePids(Path stateDirectory) {
        this.file = stateDirectory.resolve("pids");
    }

    void stopLeftovers() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(process -> {
                    System.out.println("stopping process " + process.pid() + " left over from an earlier run");
                    process.destroy();
                    process.onExit().completeOnTimeout(null, Duration.ofSeconds(20).toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS).join();
                    process.destroyForcibly();
                });
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not read " + file, e);
        }
    }

    void record(List<Long> pids) {
        try {
            Files.write(file, pids.stream().map(String::valueOf).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
