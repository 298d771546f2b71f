package org.rainbow.pipeline;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The batch pipeline started inside another program (end-to-end tests, benchmark P3) with every setting given
 * here: the local engines (files under {@code work}, DuckDB warehouse), no web server, no schedule. It reads no
 * application.yml, since such a program's classpath holds those of other Rainbow services.
 */
public final class EmbeddedPipeline {

    private EmbeddedPipeline() {
    }

    /**
     * @param sourceUrl        the Rainbow database the extract reads
     * @param jobRepositoryUrl the database of Spring Batch's job repository (same user)
     * @param work             storage ({@code storage/}), warehouse file and scratch space
     * @param gridSize         partitions a backfill runs at once
     */
    public record Settings(String sourceUrl, String jobRepositoryUrl, String user, String password, Path work,
                           int gridSize) {
    }

    public static ConfigurableApplicationContext start(Settings settings) {
        return new SpringApplicationBuilder(PipelineApplication.class).web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.config.name", "embedded-pipeline-reads-no-config-file"),
                        Map.entry("spring.datasource.url", settings.jobRepositoryUrl()),
                        Map.entry("spring.datasource.username", settings.user()),
                        Map.entry("spring.datasource.password", settings.password()),
                        Map.entry("spring.flyway.enabled", "false"),
                        Map.entry("spring.batch.job.enabled", "false"),
                        Map.entry("spring.batch.jdbc.initialize-schema", "always"),
                        Map.entry("spring.batch.jdbc.isolation-level-for-create", "read-committed"),
                        Map.entry("rainbow.pipeline.source.url", settings.sourceUrl()),
                        Map.entry("rainbow.pipeline.source.username", settings.user()),
                        Map.entry("rainbow.pipeline.source.password", settings.password()),
                        Map.entry("rainbow.pipeline.work-directory", settings.work().resolve("tmp").toString()),
                        Map.entry("rainbow.pipeline.grid-size", String.valueOf(settings.gridSize())),
                        Map.entry("rainbow.pipeline.schedule.enabled", "false"),
                        Map.entry("rainbow.pipeline.schedule.cron", "0 0 0 * * *"),
                        Map.entry("rainbow.storage.engine", "local"),
                        Map.entry("rainbow.storage.local-root", settings.work().resolve("storage").toString()),
                        Map.entry("rainbow.warehouse.engine", "duckdb"),
                        Map.entry("rainbow.warehouse.duckdb-file", settings.work().resolve("warehouse.duckdb").toString())))
                .run();
    }
}
