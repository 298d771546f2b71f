package org.rainbow.speed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Engine client libraries stay inside their writer's package. */
class AdapterBoundariesTest {

    private final JavaClasses speed = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rainbow.speed");

    @Test
    void duckDbOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..sink.duckdb..").should().dependOnClassesThat()
                .resideInAPackage("org.duckdb..").check(speed);
    }

    @Test
    void clickHouseOnlyInItsAdapter() {
        noClasses().that().resideOutsideOfPackage("..sink.clickhouse..").should().dependOnClassesThat()
                .resideInAPackage("com.clickhouse..").check(speed);
    }
}
