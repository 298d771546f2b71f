package org.rainbow.bench;

import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;

/** The benchmark packages (one per benchmark, and the harness they share) use each other without cycles. */
class PackageCyclesTest {

    @Test
    void benchmarkPackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.bench").check(ModuleClasses.of(Benchmarks.class));
    }
}
