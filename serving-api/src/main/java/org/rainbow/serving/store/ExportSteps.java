package org.rainbow.serving.store;

import java.util.List;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.rainbow.storage.export.BatchViews;

/** What an engine does at each step of loading a batch export ({@link ExportLoading}). */
public interface ExportSteps {

    /**
     * Starts writing {@code export}, whose parts are read from {@code storage}; readers keep seeing the served export
     * until {@link ExportWrite#publish}.
     */
    ExportWrite begin(BatchExport export, ObjectStorage storage);

    /** Drops what the store still holds of exports before {@code exportId} that no reader needs any more. */
    void dropExportsBefore(String exportId);

    /** One export being written. */
    interface ExportWrite extends AutoCloseable {

        /** Writes the parts {@code keys} of {@code view}; returns the rows it now holds. */
        long write(BatchViews.View view, List<String> keys);

        /** Records the export as the served one: from now on readers see all of it. */
        void publish();

        /** Ends the write; what was not published stays unseen. */
        @Override
        void close();
    }
}
