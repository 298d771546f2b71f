package org.rainbow.pipeline.partition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.rainbow.engines.postgres.ServiceRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a pipeline test context at fresh engines: a Rainbow source database (the API's migrations plus a
 * data script) and a job-repository database on the shared PostgreSQL, storage and DuckDB in a temp folder.
 */
public final class PipelineEngines {

    private PipelineEngines() {
    }

    /** Registers the pipeline's properties; returns the source database, for truth and for changes. */
    public static JdbcTemplate register(DynamicPropertyRegistry registry, String name, String dataScript) {
        LocalPostgres postgres = PostgresFixture.shared();
        String sourceUrl = PostgresFixture.freshDatabase(name + "_source");
        String batchUrl = PostgresFixture.freshDatabase(name + "_batch");
        postgres.createDatabase(name + "_batch", ServiceRole.PIPELINE);
        Flyway.configure().dataSource(sourceUrl, postgres.user(), postgres.password()).load().migrate();
        JdbcTemplate source = new JdbcTemplate(new DriverManagerDataSource(sourceUrl, postgres.user(), postgres.password()));
        try {
            source.execute(new String(PipelineEngines.class.getResourceAsStream(dataScript).readAllBytes()));
            Path work = Files.createTempDirectory(name);
            registry.add("spring.datasource.url", () -> batchUrl);
            // As deployed: the pipeline's own login, owner of its job repository, reader of the row history.
            registry.add("spring.datasource.username", ServiceRole.PIPELINE::roleName);
            registry.add("spring.datasource.password", () -> PostgresFixture.password(ServiceRole.PIPELINE));
            registry.add("rainbow.pipeline.source.url", () -> sourceUrl);
            registry.add("rainbow.pipeline.source.username", ServiceRole.PIPELINE::roleName);
            registry.add("rainbow.pipeline.source.password", () -> PostgresFixture.password(ServiceRole.PIPELINE));
            registry.add("rainbow.storage.local-root", () -> work.resolve("storage").toString());
            registry.add("rainbow.warehouse.duckdb-file", () -> work.resolve("warehouse.duckdb").toString());
            registry.add("rainbow.pipeline.work-directory", () -> work.resolve("tmp").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }
}
