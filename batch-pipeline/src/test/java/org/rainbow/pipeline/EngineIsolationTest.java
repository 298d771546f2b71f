package org.rainbow.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Engine client libraries stay inside their adapter packages. */
class EngineIsolationTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.rainbow.pipeline");

    @Test
    void onlyTheDuckDbAdapterUsesDuckDb() {
        noClasses().that().resideOutsideOfPackage("..warehouse.duckdb..")
                .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
                .check(classes);
    }

    @Test
    void onlyTheBigQueryAdapterUsesTheGoogleCloudClient() {
        noClasses().that().resideOutsideOfPackage("..warehouse.bigquery..")
                .should().dependOnClassesThat().resideInAPackage("com.google.cloud..")
                .check(classes);
    }
}
