package org.rainbow.local;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.notUsed;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;

/**
 * The launcher starts and watches the engines through local-engines ({@code LocalPostgres}, {@code LocalKafka},
 * {@code LocalClickHouse}) and talks to the services over HTTP: the engines' libraries, on its classpath through
 * local-engines, are not its business.
 */
class LauncherBoundariesTest {

    private final JavaClasses classes = ModuleClasses.of(RainbowLocal.class);

    @Test
    void enginesOnlyThroughLocalEngines() {
        notUsed("io.zonky..").check(classes);
        notUsed("org.postgresql..").check(classes);
        notUsed("org.apache.kafka..").check(classes);
        connectionsOpenedOnlyBy().check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.local").check(classes);
    }
}
