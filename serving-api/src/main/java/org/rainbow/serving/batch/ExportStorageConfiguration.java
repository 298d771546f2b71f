package org.rainbow.serving.batch;

import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExports;
import org.rainbow.storage.gcs.GcsObjectStorage;
import org.rainbow.storage.local.LocalObjectStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExportStorageConfiguration {

    @Bean
    ObjectStorage exportStorage(StorageProperties storage) {
        return switch (storage.engine()) {
            case LOCAL -> new LocalObjectStorage(storage.localRoot());
            case GCS -> GcsObjectStorage.forBucket(storage.gcsBucket());
        };
    }

    @Bean
    BatchExports batchExports(ObjectStorage exportStorage) {
        return new BatchExports(exportStorage);
    }
}
