package org.rainbow.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the immutable master dataset lives. Keys are slash-separated paths such as
 * {@code raw/orders/dt=2026-11-22/part-00000.parquet}, the same on every engine.
 */
public interface ObjectStorage {

    /** Stores the file's bytes under {@code key}; a reader sees the whole object or none of it. */
    void put(String key, Path file) throws IOException;

    /** Copies the object to {@code target}. */
    void get(String key, Path target) throws IOException;

    /** Streams the object; a missing one is a {@link java.io.FileNotFoundException}. */
    InputStream open(String key) throws IOException;

    /** Keys under {@code prefix}, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Deletes every object under {@code prefix}; returns how many. */
    int deleteAll(String prefix) throws IOException;

    /** The address engines read the object from: a local path, or {@code gs://bucket/key}. */
    String uri(String key);
}
