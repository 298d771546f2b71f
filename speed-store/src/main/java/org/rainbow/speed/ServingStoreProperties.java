package org.rainbow.speed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.serving.*}: the serving store, which engine and how to reach it. The speed sink writes its speed
 * tables there (in stream-bridge, or hosted by serving-api) and serving-api loads the batch views into it and answers
 * from both: one record, so the writer and the reader cannot disagree about where the speed tables are.
 */
@Validated
@ConfigurationProperties("rainbow.serving")
public record ServingStoreProperties(
        @DefaultValue("duckdb") @NotNull Engine engine,
        @DefaultValue @Valid DuckDb duckdb,
        @DefaultValue @Valid ClickHouse clickhouse) {

    public enum Engine { DUCKDB, CLICKHOUSE }

    /**
     * A DuckDB file: schema {@code speed} (the speed tables) and schema {@code batch} (the loaded batch views).
     * DuckDB admits one writing process per file, so the sink runs in serving-api's process then.
     */
    public record DuckDb(@DefaultValue(".rainbow/serving/rainbow.duckdb") @NotBlank String path) {
    }

    /**
     * A ClickHouse server over HTTP: {@code speedDatabase} holds the speed tables, {@code database} the loaded batch
     * views.
     */
    public record ClickHouse(@DefaultValue("http://127.0.0.1:8123") @NotBlank String url,
                             @DefaultValue("default") @NotBlank String user,
                             @DefaultValue("") String password,
                             @DefaultValue("serving") @NotBlank String database,
                             @DefaultValue("speed") @NotBlank String speedDatabase) {
    }
}
