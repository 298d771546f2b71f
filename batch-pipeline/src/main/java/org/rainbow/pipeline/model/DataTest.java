package org.rainbow.pipeline.model;

import java.util.Set;

/** A parsed data test: its template selects failing rows; it runs once every model it refs is built. */
public record DataTest(String name, String template, Set<String> models) {

    public DataTest {
        models = Set.copyOf(models);
    }
}
