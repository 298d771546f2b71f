/** Speed tables in a DuckDB file (the local serving store): upserts that keep the highest version per key. */
package org.rainbow.speed.sink.duckdb;
