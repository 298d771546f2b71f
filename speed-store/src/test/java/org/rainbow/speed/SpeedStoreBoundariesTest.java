package org.rainbow.speed;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;

/**
 * The speed store's boundaries: each engine's client only in its writer's package, DuckDB opened in one class
 * typed with DuckDB's own connection; Kafka only in the sink and the topics; no package cycles. The rules are
 * shown to catch violations in architecture-rules' own tests.
 */
class SpeedStoreBoundariesTest {

    private static final String DUCKDB = "..speed.sink.duckdb..";
    private static final String CLICKHOUSE = "..speed.sink.clickhouse..";
    private static final String SINK = "..speed.sink..";
    private static final String TOPIC = "..speed.topic..";
    private static final String OPENER = "org.rainbow.speed.sink.duckdb.DuckDbConnections";

    private final JavaClasses classes = ModuleClasses.of(ServingStoreProperties.class);

    @Test
    void theAdapterPackagesHoldClasses() {
        ModuleClasses.requirePackages(classes, DUCKDB, CLICKHOUSE, SINK, TOPIC);
    }

    @Test
    void eachEngineOnlyInItsWriterAndDuckDbOpenedInOneClass() throws ClassNotFoundException {
        Class<?> opener = Class.forName(OPENER);
        engineOnlyIn("org.duckdb..", DUCKDB).check(classes);
        engineOnlyIn("com.clickhouse..", CLICKHOUSE).check(classes);
        opensThrough(opener, "org.duckdb..").check(classes);
        connectionsOpenedOnlyBy(opener).check(classes);
    }

    @Test
    void kafkaClientsOnlyInTheSinkAndTheTopics() {
        engineOnlyIn("org.apache.kafka..", SINK, TOPIC).check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.speed").check(classes);
    }
}
