package org.rainbow.serving.batch;

import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExportStorageConfiguration {

    @Bean
    ObjectStorage exportStorage(StorageProperties storage) {
        return storage.engine().open(storage.localRoot(), storage.gcsBucket());
    }

    @Bean
    BatchExports batchExports(ObjectStorage exportStorage) {
        return new BatchExports(exportStorage);
    }
}
