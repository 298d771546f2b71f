/**
 * Speed tables in ClickHouse: {@code ReplacingMergeTree(_version, _deleted)} ordered by key, written in
 * JSONEachRow batches with the official client; read them with {@code FINAL}.
 */
package org.rainbow.speed.sink.clickhouse;
