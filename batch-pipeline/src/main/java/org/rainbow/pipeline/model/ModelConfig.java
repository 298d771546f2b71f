package org.rainbow.pipeline.model;

import java.util.List;
import java.util.Map;

/** A model's {@code config(...)}: materialization, merge key of incremental models, optional schema. */
public record ModelConfig(Materialization materialized, List<String> uniqueKey, String schema) {

    public ModelConfig {
        uniqueKey = List.copyOf(uniqueKey);
    }

    static ModelConfig of(String model, Map<String, Object> config, String defaultSchema) {
        Materialization materialized = Materialization.of(String.valueOf(config.getOrDefault("materialized", "view")));
        Object key = config.get("unique_key");
        List<String> uniqueKey = key == null ? List.of()
                : key instanceof List<?> keys ? keys.stream().map(String::valueOf).toList() : List.of(key.toString());
        if (materialized == Materialization.INCREMENTAL && uniqueKey.isEmpty()) {
            throw new ModelRenderException(model + ": incremental models need config(unique_key=...)");
        }
        return new ModelConfig(materialized, uniqueKey, String.valueOf(config.getOrDefault("schema", defaultSchema)));
    }
}
