package org.rainbow.pipeline;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.notUsed;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.pipeline.extract.SourceDatabase;
import org.rainbow.pipeline.extract.duckdb.CsvToParquet;
import org.rainbow.pipeline.warehouse.bigquery.BigQueryWarehouse;
import org.rainbow.pipeline.warehouse.duckdb.DuckDbConnections;

/**
 * Engine client libraries stay inside their adapter packages, each adapter opens its engine in one class, and
 * the feature packages use each other without cycles. The rules are shown to catch violations in
 * architecture-rules' own tests.
 */
class EngineIsolationTest {

    private static final String WAREHOUSE_DUCKDB = "..warehouse.duckdb..";
    private static final String EXTRACT_DUCKDB = "..extract.duckdb..";
    private static final String WAREHOUSE_BIGQUERY = "..warehouse.bigquery..";
    private static final String EXTRACT = "..pipeline.extract..";

    private final JavaClasses classes = ModuleClasses.of(PipelineApplication.class);

    @Test
    void theAdapterPackagesHoldClasses() {
        ModuleClasses.requirePackages(classes, WAREHOUSE_DUCKDB, EXTRACT_DUCKDB, WAREHOUSE_BIGQUERY, EXTRACT);
    }

    @Test
    void onlyTheDuckDbAdaptersUseDuckDb() {
        engineOnlyIn("org.duckdb..", WAREHOUSE_DUCKDB, EXTRACT_DUCKDB).check(classes);
        opensThrough(DuckDbConnections.class, "org.duckdb..").check(classes);
        opensThrough(CsvToParquet.class, "org.duckdb..").check(classes);
    }

    @Test
    void onlyTheExtractUsesThePostgreSqlDriver() {
        engineOnlyIn("org.postgresql..", EXTRACT).check(classes);
        opensThrough(SourceDatabase.class, "org.postgresql..").check(classes);
    }

    @Test
    void onlyTheOpenersOpenJdbcConnections() {
        connectionsOpenedOnlyBy(DuckDbConnections.class, CsvToParquet.class).check(classes);
    }

    @Test
    void onlyTheBigQueryAdapterUsesTheBigQueryClient() {
        engineOnlyIn("com.google.cloud.bigquery..", WAREHOUSE_BIGQUERY).check(classes);
        opensThrough(BigQueryWarehouse.class, "com.google.cloud.bigquery..").check(classes);
    }

    @Test
    void noKafkaClientInTheBatchLayer() {
        notUsed("org.apache.kafka..").check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.pipeline").check(classes);
    }
}
