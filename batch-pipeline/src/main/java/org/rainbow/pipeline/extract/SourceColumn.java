package org.rainbow.pipeline.extract;

/**
 * A column of a {@code history.<table>} as the extract writes it: its name and the SQL type it keeps in Parquet
 * ({@code BIGINT}, {@code DECIMAL(10,2)}, {@code TIMESTAMP} for UTC wall-clock time, ...).
 */
public record SourceColumn(String name, String type) {
}
