package org.rainbow.pipeline.warehouse;

import java.util.List;

/** What an export wrote: the Parquet objects (one or, from BigQuery, several), their rows and bytes (0: unknown). */
public record ExportedObjects(List<String> keys, long rows, long bytes) {
}
