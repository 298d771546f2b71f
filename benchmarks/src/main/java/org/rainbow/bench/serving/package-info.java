/**
 * Benchmark P4, the serving layer ({@code ./rainbow bench-serving}): latency of the unified daily sales through
 * serving-api and at the store, on ClickHouse and DuckDB, against the batch-only query, and the compaction of the
 * speed tables after an export.
 */
package org.rainbow.bench.serving;
