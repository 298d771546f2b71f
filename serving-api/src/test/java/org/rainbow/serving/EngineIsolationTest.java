package org.rainbow.serving;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Engine client libraries stay inside their adapter packages. */
class EngineIsolationTest {

    // Only this module's main classes: scanning the classpath's jars takes seconds.
    private final JavaClasses classes = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(ServingApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheDuckDbAdapterUsesDuckDb() {
        noClasses().that().resideOutsideOfPackage("..store.duckdb..")
                .should().dependOnClassesThat().resideInAPackage("org.duckdb..").check(classes);
    }

    @Test
    void onlyTheClickHouseAdapterUsesTheClickHouseClient() {
        noClasses().that().resideOutsideOfPackage("..store.clickhouse..")
                .should().dependOnClassesThat().resideInAPackage("com.clickhouse..").check(classes);
    }

    @Test
    void theRulesSeeTheAdaptersDependencies() {
        assertThatThrownBy(() -> noClasses().should().dependOnClassesThat().resideInAPackage("com.clickhouse..")
                .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("ClickHouseServingStore");
    }
}
