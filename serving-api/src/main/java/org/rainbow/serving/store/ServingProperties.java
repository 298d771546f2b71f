package org.rainbow.serving.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code rainbow.serving.*}: which serving store answers, and how to reach it. */
@Validated
@ConfigurationProperties("rainbow.serving")
public record ServingProperties(
        @DefaultValue("duckdb") @NotNull Engine engine,
        @DefaultValue @Valid DuckDb duckdb,
        @DefaultValue @Valid ClickHouse clickhouse) {

    public enum Engine { DUCKDB, CLICKHOUSE }

    /**
     * A DuckDB file: schema {@code speed} (written by the speed sink, hosted in this process because DuckDB
     * admits one writing process per file) and schema {@code batch} (the loaded batch views).
     */
    public record DuckDb(@DefaultValue(".rainbow/serving/rainbow.duckdb") @NotBlank String path) {
    }

    /**
     * A ClickHouse server over HTTP: {@code speedDatabase} is where stream-bridge writes the speed tables,
     * {@code database} where batch views are loaded.
     */
    public record ClickHouse(@DefaultValue("http://127.0.0.1:8123") @NotBlank String url,
                             @DefaultValue("default") @NotBlank String user,
                             @DefaultValue("") String password,
                             @DefaultValue("serving") @NotBlank String database,
                             @DefaultValue("speed") @NotBlank String speedDatabase) {
    }
}
