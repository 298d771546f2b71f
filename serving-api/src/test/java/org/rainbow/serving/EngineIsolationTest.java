package org.rainbow.serving;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.serving.store.clickhouse.ClickHouseServingStore;
import org.rainbow.serving.store.duckdb.DuckDbConnections;

/**
 * Engine client libraries stay inside their adapter packages, each adapter opens its engine in one class, and
 * the feature packages use each other without cycles. The rules are shown to catch violations in
 * architecture-rules' own tests.
 */
class EngineIsolationTest {

    private static final String DUCKDB = "..store.duckdb..";
    private static final String CLICKHOUSE = "..store.clickhouse..";
    private static final String SPEED = "..serving.speed..";

    private final JavaClasses classes = ModuleClasses.of(ServingApplication.class);

    @Test
    void theAdapterPackagesHoldClasses() {
        ModuleClasses.requirePackages(classes, DUCKDB, CLICKHOUSE);
    }

    @Test
    void onlyTheDuckDbAdapterUsesDuckDb() {
        engineOnlyIn("org.duckdb..", DUCKDB).check(classes);
        opensThrough(DuckDbConnections.class, "org.duckdb..").check(classes);
    }

    @Test
    void onlyTheDuckDbOpenerOpensJdbcConnections() {
        connectionsOpenedOnlyBy(DuckDbConnections.class).check(classes);
    }

    @Test
    void onlyTheClickHouseAdapterUsesTheClickHouseClient() {
        engineOnlyIn("com.clickhouse..", CLICKHOUSE).check(classes);
        opensThrough(ClickHouseServingStore.class, "com.clickhouse..").check(classes);
    }

    @Test
    void onlyTheHostedSinkUsesKafka() {
        engineOnlyIn("org.apache.kafka..", SPEED).check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.serving").check(classes);
    }
}
