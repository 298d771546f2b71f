package org.rainbow.storage.settings;

import java.nio.file.Path;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.gcs.GcsObjectStorage;
import org.rainbow.storage.local.LocalObjectStorage;

/** The object storage engines, as {@code rainbow.storage.engine} names them in every service. */
public enum StorageEngine {
    LOCAL, GCS;

    /** The storage: files under {@code localRoot}, or the GCS bucket through the environment's credentials. */
    public ObjectStorage open(Path localRoot, String gcsBucket) {
        return switch (this) {
            case LOCAL -> new LocalObjectStorage(localRoot);
            case GCS -> GcsObjectStorage.forBucket(gcsBucket);
        };
    }
}
