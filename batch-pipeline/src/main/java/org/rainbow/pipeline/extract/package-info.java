/** Extract: a day's row versions of each Rainbow table, from PostgreSQL to Parquet in object storage. */
package org.rainbow.pipeline.extract;
