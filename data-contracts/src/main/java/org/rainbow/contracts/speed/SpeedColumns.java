package org.rainbow.contracts.speed;

/**
 * The columns every speed table adds to its source table's columns ({@link org.rainbow.contracts.source.RainbowTables}).
 * A {@code <table>_versions} table has all of them but {@link #DELETED}: it keeps no deletes.
 */
public final class SpeedColumns {

    /** The change's source LSN: of two changes of one key, the later has the higher version. */
    public static final String VERSION = "_version";
    /** Whether the change deleted the row; the row stays as a marker so an older change arriving late cannot revive it. */
    public static final String DELETED = "_deleted";
    /** When PostgreSQL committed the change (UTC): what serving compares with the batch watermark. */
    public static final String COMMITTED_AT = "_committed_at";
    /** When the sink wrote the row (UTC): commit to written is the speed layer's lag. */
    public static final String WRITTEN_AT = "_written_at";

    private SpeedColumns() {
    }
}
