package org.rainbow.engines;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.engines.postgres.LocalPostgres;

/** Each embedded engine's libraries stay in its own package; the engines do not use each other. */
class EngineBoundariesTest {

    private static final String POSTGRES = "..engines.postgres..";
    private static final String KAFKA = "..engines.kafka..";

    private final JavaClasses classes = ModuleClasses.of(EngineVersions.class);

    @Test
    void theEnginePackagesHoldClasses() {
        ModuleClasses.requirePackages(classes, POSTGRES, KAFKA, "..engines.clickhouse..");
    }

    @Test
    void postgresLibrariesOnlyInItsPackage() {
        engineOnlyIn("io.zonky..", POSTGRES).check(classes);
        engineOnlyIn("org.postgresql..", POSTGRES).check(classes);
        connectionsOpenedOnlyBy(LocalPostgres.class).check(classes);
    }

    @Test
    void kafkaOnlyInItsPackage() {
        engineOnlyIn("org.apache.kafka..", KAFKA).check(classes);
    }

    @Test
    void enginePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.engines").check(classes);
    }
}
