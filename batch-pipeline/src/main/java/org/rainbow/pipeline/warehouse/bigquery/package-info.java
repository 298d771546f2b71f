/** BigQuery adapter of the warehouse port: schemas are datasets, loads are load jobs from gs:// Parquet. */
package org.rainbow.pipeline.warehouse.bigquery;
