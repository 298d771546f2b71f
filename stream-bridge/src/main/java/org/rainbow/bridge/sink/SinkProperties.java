package org.rainbow.bridge.sink;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Which serving store the speed tables live in, and how to reach it. */
@Validated
@ConfigurationProperties("rainbow.bridge.sink")
public record SinkProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("duckdb") @NotNull Engine engine,
        @DefaultValue @Valid DuckDb duckdb,
        @DefaultValue @Valid ClickHouse clickhouse) {

    public enum Engine { DUCKDB, CLICKHOUSE }

    /** A DuckDB file; its {@code speed} schema holds one table per captured table. */
    public record DuckDb(@DefaultValue(".rainbow/serving/rainbow.duckdb") @NotBlank String path) {
    }

    /** A ClickHouse server over HTTP; {@code database} holds one table per captured table. */
    public record ClickHouse(@DefaultValue("http://127.0.0.1:8123") @NotBlank String url,
                             @DefaultValue("speed") @NotBlank String database,
                             @DefaultValue("default") @NotBlank String user,
                             @DefaultValue("") String password) {
    }
}
