package org.rainbow.pipeline.config;

import java.time.Clock;
import org.rainbow.pipeline.extract.SourceDatabase;
import org.rainbow.pipeline.extract.TableExtractor;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.SqlProjectLoader;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.settings.StorageEngine;
import org.rainbow.storage.settings.StorageProperties;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.pipeline.warehouse.bigquery.BigQueryWarehouse;
import org.rainbow.pipeline.warehouse.duckdb.DuckDbWarehouse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One bean per port, its adapter picked by {@code rainbow.storage.engine} and {@code rainbow.warehouse.engine}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class EngineConfiguration {

    @Bean
    ObjectStorage objectStorage(StorageProperties storage) {
        return storage.open();
    }

    @Bean
    Warehouse warehouse(WarehouseProperties warehouse, StorageProperties storage) {
        return switch (warehouse.engine()) {
            case DUCKDB -> DuckDbWarehouse.open(required(warehouse.duckdbFile(), "rainbow.warehouse.duckdb-file"));
            case BIGQUERY -> {
                // BigQuery loads raw partitions from, and exports batch views to, gs:// only.
                if (storage.engine() != StorageEngine.GCS) {
                    throw new IllegalStateException("rainbow.warehouse.engine=bigquery needs rainbow.storage.engine=gcs");
                }
                yield BigQueryWarehouse.connect(required(warehouse.bigqueryProject(), "rainbow.warehouse.bigquery-project"),
                        warehouse.bigqueryLocation());
            }
        };
    }

    private static <T> T required(T value, String property) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        return value;
    }

    @Bean
    ModelRunner modelRunner(Warehouse warehouse) {
        return new ModelRunner(warehouse, new SqlProjectLoader().load(SqlProjectLoader.BUNDLED));
    }

    /** The Rainbow database, read-only use. */
    @Bean
    TableExtractor tableExtractor(PipelineProperties pipeline, ObjectStorage storage) {
        PipelineProperties.Source source = pipeline.source();
        return new TableExtractor(SourceDatabase.dataSource(source.url(), source.username(), source.password()), storage,
                pipeline.workDirectory());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
