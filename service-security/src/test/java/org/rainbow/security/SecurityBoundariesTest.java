package org.rainbow.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.rainbow.architecture.BoundaryRules.packagesFreeOfCycles;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.rainbow.architecture.ModuleClasses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A library the services wire by auto-configuration: its beans come from there, its packages form no cycle. */
class SecurityBoundariesTest {

    private final JavaClasses classes = ModuleClasses.of(ServiceSecurityAutoConfiguration.class);

    /**
     * The services scan their own packages, not {@code org.rainbow.security}: a {@code @Component} or
     * {@code @Configuration} here would silently never be a bean. Beans are declared by the auto-configuration.
     */
    @Test
    void beansComeOnlyFromTheAutoConfiguration() {
        // Annotations as written: the rules do not resolve library classes, so meta-annotations are not seen.
        noClasses().that().areNotAnnotatedWith(AutoConfiguration.class)
                .should().beAnnotatedWith(Configuration.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.stereotype..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        packagesFreeOfCycles("org.rainbow.security").check(classes);
    }
}
