package org.rainbow.pipeline.warehouse;

/** What a MERGE did: rows inserted (new keys) and rows updated (keys already there). */
public record MergedRows(long inserted, long updated) {

    public long total() {
        return inserted + updated;
    }
}
