package org.rainbow.api;

import static org.rainbow.architecture.BoundaryRules.notUsed;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;
import static org.rainbow.architecture.BoundaryRules.usedOnlyInTheirPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;

/**
 * The features (order, customer, product, …) use each other through their services, never another feature's
 * repository, and without cycles. An ArchUnit rule rather than Spring Modulith's verification: Modulith counts
 * every public type of a feature's package as its API, repositories included, so it would hold this only with
 * each repository moved into an internal subpackage. The rules are shown to catch violations in
 * architecture-rules' own tests.
 */
class FeatureBoundariesTest {

    private final JavaClasses classes = ModuleClasses.of(RainbowApiApplication.class);

    @Test
    void featuresExposeServicesNotRepositories() {
        usedOnlyInTheirPackage("Repository").check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.api").check(classes);
    }

    @Test
    void theApiNamesNoEngineDriver() {
        // PostgreSQL is reached through Spring's DataSource and JPA; the driver is a runtime dependency only.
        notUsed("org.postgresql..").check(classes);
        notUsed("org.apache.kafka..").check(classes);
    }
}
