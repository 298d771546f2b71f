package org.rainbow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rainbow.storage.gcs.GcsObjectStorage;
import org.rainbow.storage.local.LocalObjectStorage;

/**
 * The same behaviour from both adapters. GCS runs against {@link LocalStorageHelper}, the client library's
 * own in-memory stand-in (no GCS can run offline).
 */
class ObjectStorageTest {

    static Stream<Arguments> engines() throws IOException {
        return Stream.of(
                Arguments.of("local", new LocalObjectStorage(Files.createTempDirectory("storage-test"))),
                Arguments.of("gcs", new GcsObjectStorage(LocalStorageHelper.getOptions().getService(), "rainbow-test")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void storesListsReadsAndDeletesByKey(String engine, ObjectStorage storage) throws IOException {
        Path file = Files.createTempFile("object", ".bin");
        Files.writeString(file, "hello " + engine);

        storage.put("views/exports/1/a.parquet", file);
        storage.put("views/exports/1/b.parquet", file);
        storage.put("views/exports/2/a.parquet", file);

        assertThat(storage.list("views/exports/1/")).containsExactly("views/exports/1/a.parquet", "views/exports/1/b.parquet");
        try (InputStream in = storage.open("views/exports/2/a.parquet")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello " + engine);
        }
        assertThat(storage.deleteAll("views/exports/1/")).isEqualTo(2);
        assertThat(storage.list("views/")).containsExactly("views/exports/2/a.parquet");
        assertThatThrownBy(() -> storage.open("views/missing.json")).isInstanceOf(FileNotFoundException.class);
    }
}
