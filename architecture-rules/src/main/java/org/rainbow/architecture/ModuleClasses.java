package org.rainbow.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The classes a module ships: its main classes only, neither its tests nor its dependencies. */
public final class ModuleClasses {

    private ModuleClasses() {
    }

    /** Imports the folder or jar that holds {@code anyMainClass}: scanning the classpath for a package takes seconds. */
    public static JavaClasses of(Class<?> anyMainClass) {
        try {
            return new ClassFileImporter()
                    .importPath(Path.of(anyMainClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no class location for " + anyMainClass, e);
        }
    }

    /** Fails when a package a rule is about holds no class: a renamed package would make its rule pass on nothing. */
    public static void requirePackages(JavaClasses classes, String... packageIdentifiers) {
        for (String identifier : packageIdentifiers) {
            if (classes.that(resideInAPackage(identifier)).isEmpty()) {
                throw new AssertionError("no class in " + identifier + ": the rules about it would check nothing");
            }
        }
    }
}
