/**
 * Assets per daily partition, as Dagster models them: every extract, raw load, model and the export an asset in one
 * lineage graph, every data test a check on its model; each materialization and check evaluation recorded with
 * its metadata and history, and each asset's state (out of sync when something upstream materialized after it).
 */
package org.rainbow.pipeline.asset;
