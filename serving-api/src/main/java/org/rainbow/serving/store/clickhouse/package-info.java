/** The production serving store: ClickHouse, speed tables written by stream-bridge, batch views loaded here. */
package org.rainbow.serving.store.clickhouse;
