/** Loading the batch layer's exports (Parquet in object storage) into the serving store as they are published. */
package org.rainbow.serving.batch;
