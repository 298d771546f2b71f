/** The batch layer: daily partitions extracted to Parquet, loaded into the warehouse, modelled and exported. */
package org.rainbow.pipeline;
