package org.rainbow.serving.store;

import java.util.List;
import org.rainbow.storage.export.BatchViews.Column;
import org.rainbow.storage.export.BatchViews.Type;
import org.rainbow.storage.export.BatchViews;

/**
 * The serving store's own batch table beside the batch views ({@link org.rainbow.storage.export.BatchViews}):
 * the one that records which export is served.
 */
public final class BatchTables {

    public static final String EXPORTS = "exports";

    public static final List<Column> EXPORT_COLUMNS = List.of(new Column("export_id", Type.TEXT),
            new Column("watermark", Type.TIMESTAMP), new Column("exported_at", Type.TIMESTAMP),
            new Column("partition_date", Type.DATE), new Column("loaded_at", Type.TIMESTAMP));

    private BatchTables() {
    }
}
