/**
 * Benchmark P2, the speed layer ({@code ./rainbow bench-speed}): how fast and how fresh capture → Kafka →
 * ClickHouse is on this machine, next to its raw parts and Kafka Connect with Debezium's connector, a class per
 * phase.
 */
package org.rainbow.bench.speed;
