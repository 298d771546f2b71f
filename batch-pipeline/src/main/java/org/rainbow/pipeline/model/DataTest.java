package org.rainbow.pipeline.model;

import java.util.Set;

/**
 * A parsed data test: its template selects failing rows. It is a check on {@code model} (the model a generic
 * test is declared on; for a singular test the last model it refs) and runs once every model it refs is built.
 */
public record DataTest(String name, String template, Set<String> models, String model) {

    public DataTest {
        models = Set.copyOf(models);
    }
}
