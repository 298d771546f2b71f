package org.rainbow.bridge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.rainbow.bridge.capture.SourceConnections;

/**
 * The capture side's boundaries: the PostgreSQL driver only in capture, opened in one class; Kafka clients only
 * where changes go to or come from Kafka; no package cycles. The sink's writers keep theirs in
 * {@code AdapterBoundariesTest}. The rules are shown to catch violations in architecture-rules' own tests.
 */
class CaptureBoundariesTest {

    private static final String CAPTURE = "..bridge.capture..";

    private final JavaClasses classes = ModuleClasses.of(StreamBridgeApplication.class);

    @Test
    void theCapturePackageHoldsClasses() {
        ModuleClasses.requirePackages(classes, CAPTURE, "..bridge.topic..");
    }

    @Test
    void onlyCaptureUsesThePostgreSqlDriverAndOpensItInOneClass() {
        engineOnlyIn("org.postgresql..", CAPTURE).check(classes);
        opensThrough(SourceConnections.class, "org.postgresql..").check(classes);
        // The sink's DuckDB writer opens its file itself, under the sink's own rules.
        connectionsOpenedOnlyBy(SourceConnections.class)
                .check(classes.that(DescribedPredicate.not(resideInAPackage("..bridge.sink.."))));
    }

    @Test
    void kafkaClientsOnlyInCaptureSinkAndTopics() {
        engineOnlyIn("org.apache.kafka..", CAPTURE, "..bridge.sink..", "..bridge.topic..").check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.bridge").check(classes);
    }
}
