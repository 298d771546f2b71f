package org.rainbow.bridge;

import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.notUsed;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.bridge.capture.SourceConnections;

/**
 * The bridge's boundaries: the PostgreSQL driver, Debezium and the Kafka clients only in capture, PostgreSQL
 * opened in one class; the speed tables' engines are speed-store's business (its own rules), so the bridge names
 * neither; no package cycles. The rules are shown to catch violations in architecture-rules' own tests.
 */
class CaptureBoundariesTest {

    private static final String CAPTURE = "..bridge.capture..";

    private final JavaClasses classes = ModuleClasses.of(StreamBridgeApplication.class);

    @Test
    void theCapturePackageHoldsClasses() {
        ModuleClasses.requirePackages(classes, CAPTURE);
    }

    @Test
    void onlyCaptureUsesThePostgreSqlDriverAndOpensItInOneClass() {
        engineOnlyIn("org.postgresql..", CAPTURE).check(classes);
        opensThrough(SourceConnections.class, "org.postgresql..").check(classes);
        connectionsOpenedOnlyBy(SourceConnections.class).check(classes);
    }

    @Test
    void debeziumAndKafkaClientsOnlyInCapture() {
        engineOnlyIn("io.debezium..", CAPTURE).check(classes);
        engineOnlyIn("org.apache.kafka..", CAPTURE).check(classes);
    }

    @Test
    void noSpeedStoreEngineInTheBridge() {
        notUsed("org.duckdb..").check(classes);
        notUsed("com.clickhouse..").check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.bridge").check(classes);
    }
}
