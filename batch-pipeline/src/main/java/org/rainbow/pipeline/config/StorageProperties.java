package org.rainbow.pipeline.config;

import jakarta.validation.constraints.NotNull;
import org.rainbow.storage.StorageEngine;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code rainbow.storage.*}: where the master dataset's Parquet objects live. */
@Validated
@ConfigurationProperties("rainbow.storage")
public record StorageProperties(@NotNull StorageEngine engine, Path localRoot, String gcsBucket) {
}
