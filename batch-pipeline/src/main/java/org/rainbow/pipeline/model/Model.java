package org.rainbow.pipeline.model;

import java.util.Set;

import org.rainbow.pipeline.warehouse.Relation;

/** A parsed model: where it lands, how, the models it refs and the source relations it reads. */
public record Model(String name, String path, Relation relation, ModelConfig config, Set<String> parents,
        Set<Relation> sources, String template) {

    public Model {
        parents = Set.copyOf(parents);
        sources = Set.copyOf(sources);
    }
}
