package org.rainbow.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.model.ModelRunner;

/** Engine client libraries stay inside their adapter packages. */
class EngineIsolationTest {

    // Only this module's main classes: scanning the classpath's jars for the package takes seconds.
    private final JavaClasses classes = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(ModelRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheDuckDbAdapterUsesDuckDb() {
        noClasses().that().resideOutsideOfPackages("..warehouse.duckdb..", "..extract.duckdb..")
                .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
                .check(classes);
    }

    @Test
    void onlyTheBigQueryAdapterUsesTheBigQueryClient() {
        noClasses().that().resideOutsideOfPackage("..warehouse.bigquery..")
                .should().dependOnClassesThat().resideInAPackage("com.google.cloud.bigquery..")
                .check(classes);
    }

    @Test
    void theRulesSeeTheAdaptersDependencies() {
        assertThatThrownBy(() -> noClasses().should().dependOnClassesThat().resideInAPackage("com.google.cloud.bigquery..")
                .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("BigQueryWarehouse");
    }
}
