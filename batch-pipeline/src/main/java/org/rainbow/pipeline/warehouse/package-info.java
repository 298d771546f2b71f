/**
 * The warehouse port: what the model runner and the batch layer need from an analytical engine
 * (schemas, views, tables, atomic MERGE, Parquet loads, queries), with one adapter per engine.
 */
package org.rainbow.pipeline.warehouse;
