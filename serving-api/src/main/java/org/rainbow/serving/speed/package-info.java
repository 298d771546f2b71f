/**
 * On the one-machine stack, this process hosts speed-store's sink (stream-bridge's sink role): DuckDB admits one
 * writing process per file, so the Kafka → speed tables writer runs beside the queries that read them.
 */
package org.rainbow.serving.speed;
