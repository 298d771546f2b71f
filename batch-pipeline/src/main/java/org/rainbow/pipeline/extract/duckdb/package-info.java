/** DuckDB as the extract's Parquet writer: the day's rows, streamed out of PostgreSQL as CSV, become one Parquet file. */
package org.rainbow.pipeline.extract.duckdb;
