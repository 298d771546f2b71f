package org.rainbow.pipeline.model;

import java.util.Set;

import org.rainbow.pipeline.warehouse.Relation;

/** A parsed model: where it lands, how, and the models it refs. */
public record Model(String name, String path, Relation relation, ModelConfig config, Set<String> parents,
        String template) {

    public Model {
        parents = Set.copyOf(parents);
    }
}
