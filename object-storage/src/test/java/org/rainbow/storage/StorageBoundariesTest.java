package org.rainbow.storage;

import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.storage.gcs.GcsObjectStorage;

/** The Cloud Storage client stays in its adapter; the export contract and the adapters do not use each other. */
class StorageBoundariesTest {

    private static final String GCS = "..storage.gcs..";

    private final JavaClasses classes = ModuleClasses.of(ObjectStorage.class);

    @Test
    void onlyTheGcsAdapterUsesTheCloudStorageClient() {
        ModuleClasses.requirePackages(classes, GCS);
        engineOnlyIn("com.google.cloud.storage..", GCS).check(classes);
        opensThrough(GcsObjectStorage.class, "com.google.cloud.storage..").check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.storage").check(classes);
    }
}
