/**
 * The speed store: the Kafka → speed tables sink ({@code sink}, one writer per engine), the speed layer's topics
 * ({@code topic}) and the settings of the serving store the speed tables live in. A library: stream-bridge runs the
 * sink in production, serving-api hosts it beside its DuckDB file locally.
 */
package org.rainbow.speed;
