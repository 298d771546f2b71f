package org.rainbow.storage.settings;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.rainbow.storage.ObjectStorage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.storage.*}: where the master dataset and the batch exports live, the same settings for the batch
 * pipeline that writes them and serving-api that reads them. A service binds it with
 * {@code @EnableConfigurationProperties(StorageProperties.class)}.
 */
@Validated
@ConfigurationProperties("rainbow.storage")
public record StorageProperties(@DefaultValue("local") @NotNull StorageEngine engine,
                                @DefaultValue(".rainbow/storage") Path localRoot,
                                String gcsBucket) {

    /** The storage these settings name. */
    public ObjectStorage open() {
        return engine.open(localRoot, gcsBucket);
    }
}
