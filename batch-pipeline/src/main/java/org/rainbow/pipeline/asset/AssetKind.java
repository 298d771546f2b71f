package org.rainbow.pipeline.asset;

import org.rainbow.pipeline.model.Materialization;

/** What materializing an asset does: an extract, a raw load, a model (as its materialization), the export. */
public enum AssetKind {
    EXTRACT, LOAD, VIEW, TABLE, INCREMENTAL, EXPORT;

    static AssetKind of(Materialization materialized) {
        return valueOf(materialized.name());
    }

    public boolean isModel() {
        return this == VIEW || this == TABLE || this == INCREMENTAL;
    }
}
