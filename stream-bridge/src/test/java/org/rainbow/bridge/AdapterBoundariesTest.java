package org.rainbow.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Engine client libraries stay inside their adapter package. */
class AdapterBoundariesTest {

    private final JavaClasses bridge = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rainbow.bridge");

    /** The speed tables' engines are speed-store's business (its own adapter rules); the bridge reaches neither. */
    @Test
    void noSpeedStoreEngineInTheBridge() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "com.clickhouse..").check(bridge);
    }

    @Test
    void debeziumOnlyInCapture() {
        noClasses().that().resideOutsideOfPackage("..capture..").should().dependOnClassesThat()
                .resideInAPackage("io.debezium..").check(bridge);
    }
}
