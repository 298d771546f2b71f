package org.rainbow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.sql.DriverManager;

/**
 * The rules each module's tests check. Every rule fails when it selects no class (ArchUnit's default, stated
 * here so that no {@code archunit.properties} can turn it off): a rule that sees nothing cannot fail.
 */
public final class BoundaryRules {

    private BoundaryRules() {
    }

    /** Only the adapter packages use the engine's client library (e.g. {@code "org.duckdb.."}). */
    public static ArchRule engineOnlyIn(String engineLibrary, String... adapterPackages) {
        return noClasses().that().resideOutsideOfPackages(adapterPackages)
                .should().dependOnClassesThat().resideInAPackage(engineLibrary)
                .allowEmptyShould(false);
    }

    /** No class of the module uses the library (e.g. a Kafka client in the batch layer). */
    public static ArchRule notUsed(String library) {
        return noClasses().should().dependOnClassesThat().resideInAPackage(library).allowEmptyShould(false);
    }

    /**
     * The adapter's opener reaches the engine through the engine's own types, so that {@link #engineOnlyIn}
     * sees the adapter's use: a connection opened from a JDBC URL string alone names no engine type.
     */
    public static ArchRule opensThrough(Class<?> opener, String engineLibrary) {
        return classes().that().haveFullyQualifiedName(opener.getName())
                .should().dependOnClassesThat().resideInAPackage(engineLibrary)
                .allowEmptyShould(false);
    }

    /** No class but the openers opens a JDBC connection from a URL ({@code "jdbc:duckdb:…"} and the like). */
    public static ArchRule connectionsOpenedOnlyBy(Class<?>... openers) {
        return noClasses().that(not(belongToAnyOf(openers)))
                .should().callMethodWhere(describe("DriverManager.getConnection",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(DriverManager.class)
                                && call.getName().equals("getConnection")))
                .allowEmptyShould(false);
    }

    /**
     * Classes named {@code *suffix} are used only by classes of their own package: with {@code "Repository"}, a
     * feature exposes its services to the others, never its repositories.
     */
    public static ArchRule usedOnlyInTheirPackage(String suffix) {
        return classes().that().haveSimpleNameEndingWith(suffix)
                .should(new ArchCondition<JavaClass>("be used only by classes of their own package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                            if (!dependency.getOriginClass().getPackageName().equals(type.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    /**
     * No cycle between the feature packages right below {@code rootPackage} (each with its subpackages) and the
     * classes of {@code rootPackage} itself (the application class, a module of one package): no package may use
     * another, or the root, that uses it back.
     */
    public static ArchRule packagesFreeOfCycles(String rootPackage) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                if (name.equals(rootPackage)) {
                    return SliceIdentifier.of(rootPackage);
                }
                if (!name.startsWith(rootPackage + ".")) {
                    return SliceIdentifier.ignore();
                }
                String feature = name.substring(rootPackage.length() + 1).split("\\.")[0];
                return SliceIdentifier.of(rootPackage + "." + feature);
            }

            @Override
            public String getDescription() {
                return rootPackage + " and the packages below it";
            }
        }).should().beFreeOfCycles().allowEmptyShould(false);
    }
}
