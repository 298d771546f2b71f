package org.rainbow.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rainbow.architecture.BoundaryRules.connectionsOpenedOnlyBy;
import static org.rainbow.architecture.BoundaryRules.engineOnlyIn;
import static org.rainbow.architecture.BoundaryRules.opensThrough;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;
import static org.rainbow.architecture.BoundaryRules.usedOnlyInTheirPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.violations.adapter.DuckDbConnections;
import org.rainbow.architecture.violations.adapter.UrlOnlyOpener;
import org.rainbow.architecture.violations.cycle.left.Left;
import org.rainbow.architecture.violations.cycle.right.Right;
import org.rainbow.architecture.violations.elsewhere.EngineTypeOutsideTheAdapter;
import org.rainbow.architecture.violations.elsewhere.UrlOutsideTheOpener;
import org.rainbow.architecture.violations.feature.other.ThingReport;
import org.rainbow.architecture.violations.feature.owner.ThingRepository;
import org.rainbow.architecture.violations.feature.owner.ThingService;
import org.rainbow.architecture.violations.rooted.Trunk;
import org.rainbow.architecture.violations.rooted.branch.Branch;

/** Each rule passes on compliant classes and fails on the class that breaks it, naming that class. */
class BoundaryRulesTest {

    private static final String ADAPTER = "..violations.adapter..";

    @Test
    void theEngineRuleCatchesAnEngineTypeOutsideTheAdapter() {
        ArchRule rule = engineOnlyIn("org.duckdb..", ADAPTER);
        assertThatCode(() -> rule.check(classes(DuckDbConnections.class, UrlOutsideTheOpener.class))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(classes(DuckDbConnections.class, EngineTypeOutsideTheAdapter.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(EngineTypeOutsideTheAdapter.class.getName());
    }

    @Test
    void theEngineRuleFailsWhenItSeesNoClass() {
        assertThatThrownBy(() -> engineOnlyIn("org.duckdb..", ADAPTER).check(classes(DuckDbConnections.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void theOpenerRuleCatchesAnOpenerThatNamesNoEngineType() {
        assertThatCode(() -> opensThrough(DuckDbConnections.class, "org.duckdb..").check(classes(DuckDbConnections.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> opensThrough(UrlOnlyOpener.class, "org.duckdb..").check(classes(UrlOnlyOpener.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(UrlOnlyOpener.class.getName());
        assertThatThrownBy(() -> opensThrough(DuckDbConnections.class, "org.duckdb..").check(classes(UrlOnlyOpener.class)))
                .as("an opener the import does not hold").isInstanceOf(AssertionError.class);
    }

    @Test
    void theConnectionRuleCatchesAJdbcUrlOpenedOutsideTheOpener() {
        ArchRule rule = connectionsOpenedOnlyBy(DuckDbConnections.class);
        assertThatCode(() -> rule.check(classes(DuckDbConnections.class, EngineTypeOutsideTheAdapter.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(classes(DuckDbConnections.class, UrlOutsideTheOpener.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(UrlOutsideTheOpener.class.getName())
                .hasMessageContaining("DriverManager.getConnection");
    }

    @Test
    void theCycleRuleCatchesTwoPackagesThatUseEachOther() {
        assertThatCode(() -> packagesFreeOfCycles("org.rainbow.architecture.violations")
                .check(classes(DuckDbConnections.class, EngineTypeOutsideTheAdapter.class))).doesNotThrowAnyException();
        assertThatThrownBy(() -> packagesFreeOfCycles("org.rainbow.architecture.violations.cycle")
                .check(classes(Left.class, Right.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected")
                .hasMessageContaining(Left.class.getName()).hasMessageContaining(Right.class.getName());
    }

    @Test
    void theCycleRuleCatchesACycleThroughTheRootPackage() {
        String root = "org.rainbow.architecture.violations.rooted";
        assertThatCode(() -> packagesFreeOfCycles(root).check(classes(Trunk.class)))
                .as("a module of one package").doesNotThrowAnyException();
        assertThatThrownBy(() -> packagesFreeOfCycles(root).check(classes(Trunk.class, Branch.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected")
                .hasMessageContaining(Trunk.class.getName()).hasMessageContaining(Branch.class.getName());
        assertThatThrownBy(() -> packagesFreeOfCycles(root).check(classes(Left.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void theRepositoryRuleCatchesAnotherFeatureUsingARepository() {
        ArchRule rule = usedOnlyInTheirPackage("Repository");
        assertThatCode(() -> rule.check(classes(ThingRepository.class, ThingService.class))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.check(classes(ThingRepository.class, ThingService.class, ThingReport.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ThingReport.class.getName());
        assertThatThrownBy(() -> rule.check(classes(ThingService.class))).as("no repository in sight")
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    void requirePackagesCatchesAnEmptyPackage() {
        JavaClasses adapter = classes(DuckDbConnections.class);
        assertThatCode(() -> ModuleClasses.requirePackages(adapter, ADAPTER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ModuleClasses.requirePackages(adapter, "..violations.elsewhere.."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("..violations.elsewhere..");
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
