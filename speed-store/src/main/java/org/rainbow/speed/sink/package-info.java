/**
 * Kafka to the serving store: a batch listener turns change events into versioned speed-table rows, writes
 * them through a {@link org.rainbow.speed.sink.SpeedTableWriter} (one adapter per engine), sends what it
 * cannot use to the dead-letter topic, and lets Kafka offsets be committed only after the write.
 */
package org.rainbow.speed.sink;
