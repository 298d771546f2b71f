package org.rainbow.contracts.source;

import java.util.List;

/**
 * The columns both warehouse loaders add to each raw table (a source table's daily extracts, appended in the
 * warehouse's {@code raw} schema), after the extract's own. Staging reads them to keep each version of a row once,
 * from its latest load.
 */
public final class RawLoadColumns {

    /** The UTC day whose extract the row came from: re-loading that day replaces its rows (BigQuery partitions by it). */
    public static final String PARTITION_DATE = "_partition_date";
    /** When that day was loaded: of two loads of one version, staging keeps the later. */
    public static final String LOADED_AT = "_loaded_at";

    /** In the order the loaders add them. */
    public static final List<String> ALL = List.of(PARTITION_DATE, LOADED_AT);

    private RawLoadColumns() {
    }
}
