/** The local serving store: one DuckDB file holding the speed tables and the loaded batch views. */
package org.rainbow.serving.store.duckdb;
