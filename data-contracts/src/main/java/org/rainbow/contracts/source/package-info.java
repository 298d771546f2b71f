/**
 * The source tables (rainbow-api's migrations) as the other layers name them: tables, columns, types and keys.
 * Capture, the topics, the sink and its speed tables, serving and the benchmarks read them here; the contract
 * tests hold the migrations, {@code sources.yml} and the staging models to this catalog.
 */
package org.rainbow.contracts.source;
