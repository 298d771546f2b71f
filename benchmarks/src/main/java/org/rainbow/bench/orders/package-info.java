/**
 * Benchmark P1, the order API ({@code ./rainbow bench}): orders/s and latency of {@code POST /api/v1/orders}
 * against raw JDBC on the same embedded PostgreSQL, a paced open loop, and the API's cold start.
 */
package org.rainbow.bench.orders;
