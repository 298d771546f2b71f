package org.rainbow.pipeline.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one rendering of a template sees ({@code ref}, {@code source}, {@code var}, {@code is_incremental()},
 * {@code this}, {@code target.type}) and what it declared ({@code config(...)}, the refs and sources it used).
 */
public final class RenderScope {

    private final Function<String, String> refs;
    private final BiFunction<String, String, String> sources;
    private final Map<String, Object> vars;
    private final boolean incremental;
    private final String self;
    private final String targetType;
    private final Set<String> usedRefs = new LinkedHashSet<>();
    private final Set<String> usedSources = new LinkedHashSet<>();
    private final Map<String, Object> config = new LinkedHashMap<>();

    public RenderScope(Function<String, String> refs, BiFunction<String, String, String> sources,
            Map<String, Object> vars, boolean incremental, String self, String targetType) {
        this.refs = refs;
        this.sources = sources;
        this.vars = vars;
        this.incremental = incremental;
        this.self = self;
        this.targetType = targetType;
    }

    String ref(String model) {
        usedRefs.add(model);
        return refs.apply(model);
    }

    String source(String source, String table) {
        usedSources.add(source + "." + table);
        return sources.apply(source, table);
    }

    Object var(String name, Object defaultValue) {
        Object value = vars.getOrDefault(name, defaultValue);
        if (value == null) {
            throw new IllegalArgumentException("var('" + name + "') is not set and has no default");
        }
        return value;
    }

    void config(Map<String, Object> settings) {
        config.putAll(settings);
    }

    boolean incremental() {
        return incremental;
    }

    String self() {
        return self;
    }

    String targetType() {
        return targetType;
    }

    public Set<String> usedRefs() {
        return Set.copyOf(usedRefs);
    }

    public Set<String> usedSources() {
        return Set.copyOf(usedSources);
    }

    public Map<String, Object> config() {
        return Map.copyOf(config);
    }
}
