package org.rainbow.serving.batch;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.rainbow.storage.StorageEngine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code rainbow.storage.*}: the object storage the batch pipeline exports to (the same settings as the pipeline's). */
@Validated
@ConfigurationProperties("rainbow.storage")
public record StorageProperties(@DefaultValue("local") @NotNull StorageEngine engine,
                                @DefaultValue(".rainbow/storage") Path localRoot,
                                String gcsBucket) {
}
