/**
 * A real, modern ClickHouse server on a machine without Docker: the engine of the npm package
 * {@code @chdb/lib-linux-x64-gnu}, served over HTTP and native ports by a small launcher process.
 */
package org.rainbow.engines.clickhouse;
