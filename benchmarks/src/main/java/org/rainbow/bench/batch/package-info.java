/**
 * Benchmark P3, the batch layer ({@code ./rainbow bench-batch}): one daily partition end to end and per step
 * against a floor measured in the same run, and a backfill one and two partitions at a time.
 */
package org.rainbow.bench.batch;
