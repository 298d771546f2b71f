package org.rainbow.storage.local;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rainbow.storage.ObjectStorage;

/** Objects are files under a root folder, with the same key layout as the bucket in production. */
public final class LocalObjectStorage implements ObjectStorage {

    private final Path root;

    public LocalObjectStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // Copy next to the target, then rename: readers never see half an object.
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void get(String key, Path target) throws IOException {
        Files.copy(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(file.toString());
        }
        return Files.newInputStream(file);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path base = resolve(prefix);
        Path folder = Files.isDirectory(base) ? base : base.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public int deleteAll(String prefix) throws IOException {
        List<String> keys = list(prefix);
        for (String key : keys) {
            Files.delete(resolve(key));
        }
        Path folder = resolve(prefix);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> leftovers = Files.walk(folder)) {
                leftovers.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return keys.size();
    }

    @Override
    public String uri(String key) {
        return resolve(key).toString();
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("key leaves the storage root: " + key);
        }
        return path;
    }
}
