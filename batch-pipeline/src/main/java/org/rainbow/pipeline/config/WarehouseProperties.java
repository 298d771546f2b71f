package org.rainbow.pipeline.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.warehouse.*}: the analytical engine the raw data is loaded into and modelled in.
 *
 * @param duckdbFile        the DuckDB file ({@code duckdb})
 * @param bigqueryProject   the project whose datasets hold raw, staging and marts ({@code bigquery}); the
 *                          environment's default credentials are used
 * @param bigqueryLocation  where datasets are created and jobs run
 */
@Validated
@ConfigurationProperties("rainbow.warehouse")
public record WarehouseProperties(@NotNull Engine engine, Path duckdbFile, String bigqueryProject,
                                  @DefaultValue("US") String bigqueryLocation) {

    public enum Engine { DUCKDB, BIGQUERY }
}
