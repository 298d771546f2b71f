package org.rainbow.pipeline.asset;

import java.util.List;

/**
 * One asset of the lineage graph: its kind, its group ({@code extract}, {@code raw}, the model's schema,
 * {@code export}), the assets it reads, and the data tests that check it.
 */
public record AssetNode(String name, AssetKind kind, String group, List<String> upstream, List<String> checks) {

    public AssetNode {
        upstream = List.copyOf(upstream);
        checks = List.copyOf(checks);
    }
}
