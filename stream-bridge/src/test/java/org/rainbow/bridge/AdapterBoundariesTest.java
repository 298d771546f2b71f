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

    @Test
    void duckDbOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..sink.duckdb..").should().dependOnClassesThat()
                .resideInAPackage("org.duckdb..").check(bridge);
    }

    @Test
    void clickHouseOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..sink.clickhouse..").should().dependOnClassesThat()
                .resideInAPackage("com.clickhouse..").check(bridge);
    }

    @Test
    void debeziumOnlyInCapture() {
        noClasses().that().resideOutsideOfPackage("..capture..").should().dependOnClassesThat()
                .resideInAPackage("io.debezium..").check(bridge);
    }
}
