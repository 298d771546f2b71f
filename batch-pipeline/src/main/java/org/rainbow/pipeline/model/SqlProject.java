package org.rainbow.pipeline.model;

import java.util.List;
import java.util.Map;

import org.rainbow.pipeline.warehouse.Relation;

/**
 * The SQL project as read from disk or the classpath: model and test templates, the macros, and the
 * declared sources ({@code source.table} → raw relation).
 */
public record SqlProject(List<ModelSource> models, List<TestSource> tests, String macros,
        Map<String, Relation> sources) {

    public SqlProject {
        models = List.copyOf(models);
        tests = List.copyOf(tests);
        sources = Map.copyOf(sources);
    }

    /** A model file: {@code schema} comes from its folder under {@code models/} unless config overrides it. */
    public record ModelSource(String name, String path, String schema, String template) {
    }

    /**
     * A data test as a template whose rows are failures: a singular test file ({@code model} null: it checks the
     * last model it refs) or a generic test call on the {@code model} it is declared on.
     */
    public record TestSource(String name, String template, String model) {
    }
}
