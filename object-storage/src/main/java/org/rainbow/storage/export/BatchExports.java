package org.rainbow.storage.export;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.rainbow.storage.ObjectStorage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes and finds batch-view exports in object storage. The pointer {@code views/latest.json} is written
 * last and in one piece, so a reader sees either the previous export or the whole new one, never a mix.
 */
public final class BatchExports {

    static final String EXPORTS_PREFIX = "views/exports/";
    public static final String LATEST_KEY = "views/latest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final ObjectStorage storage;

    public BatchExports(ObjectStorage storage) {
        this.storage = storage;
    }

    /** Points readers at {@code export}, whose view objects must all be stored already. */
    public void publish(BatchExport export, Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            Path file = Files.createTempFile(workDirectory, "latest", ".json");
            try {
                JSON.writeValue(file.toFile(), export);
                storage.put(LATEST_KEY, file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish batch export " + export.exportId(), e);
        }
    }

    /** The newest published export, if any. */
    public Optional<BatchExport> latest() {
        try (InputStream in = storage.open(LATEST_KEY)) {
            return Optional.of(JSON.readValue(in, BatchExport.class));
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LATEST_KEY, e);
        }
    }

    /** Deletes all but the newest {@code keep} exports (a reader still loading an older one retries with the latest). */
    public int prune(int keep) {
        try {
            TreeSet<String> ids = new TreeSet<>();
            for (String key : storage.list(EXPORTS_PREFIX)) {
                ids.add(key.substring(EXPORTS_PREFIX.length(), key.indexOf('/', EXPORTS_PREFIX.length())));
            }
            List<String> old = ids.descendingSet().stream().skip(keep).toList();
            int deleted = 0;
            for (String id : old) {
                deleted += storage.deleteAll(EXPORTS_PREFIX + id + "/");
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune batch exports", e);
        }
    }
}
