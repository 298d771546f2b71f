package org.rainbow.pipeline.warehouse;

import java.time.LocalDate;
import java.util.List;
import org.rainbow.contracts.source.RawLoadColumns;
import org.rainbow.storage.ObjectStorage;

/**
 * An analytical engine seen by the model runner and the batch layer. Every write is atomic: a failed
 * statement leaves the relation as it was.
 */
public interface Warehouse {

    /** The engine name models see as {@code target.type}: {@code duckdb} or {@code bigquery}. */
    String type();

    /** How {@code relation} is written in this engine's SQL (quoted, project-qualified where needed). */
    String sqlName(Relation relation);

    /** How many models may build at once: independent statements the engine runs concurrently. */
    int parallelism();

    void createSchemaIfAbsent(String schema);

    boolean exists(Relation relation);

    /** Column names of an existing table or view, in order. */
    List<String> columns(Relation relation);

    void replaceView(Relation view, String select);

    /** Replaces {@code table} with the result of {@code select}; returns its row count. */
    long replaceTable(Relation table, String select);

    /**
     * Merges the result of {@code select} into {@code target} on {@code uniqueKey}: matched rows are
     * updated, the others inserted, atomically. Returns how many rows were inserted and updated.
     */
    MergedRows merge(Relation target, String select, List<String> uniqueKey);

    /** Runs a query and returns at most {@code maxRows} rows. */
    QueryResult query(String sql, int maxRows);

    /** Rows of {@code select}. */
    long count(String select);

    /** Rows and a row-by-row hash of {@code table}: a re-run that changes nothing keeps it equal. */
    TableFingerprint fingerprint(Relation table);

    /**
     * Loads the Parquet files at {@code uri} (a path or glob; {@code gs://} on BigQuery) as the partition
     * {@code partitionDate} of the append-only {@code table}, adding the {@link RawLoadColumns}. Re-loading a
     * partition replaces its rows. Returns the rows loaded.
     */
    long loadParquetPartition(Relation table, String uri, LocalDate partitionDate);

    /**
     * Writes the rows of {@code select} as Parquet objects under {@code prefix} in {@code storage} (the batch
     * views' export): DuckDB writes one file and uploads it, BigQuery exports to {@code gs://} itself.
     */
    ExportedObjects exportParquet(String select, ObjectStorage storage, String prefix);
}
