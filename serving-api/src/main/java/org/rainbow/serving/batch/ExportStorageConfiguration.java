package org.rainbow.serving.batch;

import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.settings.StorageProperties;
import org.rainbow.storage.export.BatchExports;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class ExportStorageConfiguration {

    @Bean
    ObjectStorage exportStorage(StorageProperties storage) {
        return storage.open();
    }

    @Bean
    BatchExports batchExports(ObjectStorage exportStorage) {
        return new BatchExports(exportStorage);
    }
}
