package org.rainbow.pipeline.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code rainbow.warehouse.*}: the analytical engine the raw data is loaded into and modelled in. */
@Validated
@ConfigurationProperties("rainbow.warehouse")
public record WarehouseProperties(@NotNull Engine engine, Path duckdbFile) {

    public enum Engine { DUCKDB, BIGQUERY }
}
