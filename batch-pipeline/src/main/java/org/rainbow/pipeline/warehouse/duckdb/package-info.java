/** DuckDB adapter of the warehouse port: the local warehouse, a single DuckDB file (or in-memory). */
package org.rainbow.pipeline.warehouse.duckdb;
