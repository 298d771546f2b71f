package org.rainbow.serving.store;

import java.nio.file.Path;
import org.rainbow.serving.store.clickhouse.ClickHouseServingStore;
import org.rainbow.serving.store.duckdb.DuckDbServingStore;
import org.rainbow.speed.ServingStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The serving store adapter picked by {@code rainbow.serving.engine}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServingStoreProperties.class)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    ServingStore servingStore(ServingStoreProperties properties) {
        return switch (properties.engine()) {
            case DUCKDB -> DuckDbServingStore.open(Path.of(properties.duckdb().path()));
            case CLICKHOUSE -> ClickHouseServingStore.connect(properties.clickhouse());
        };
    }
}
