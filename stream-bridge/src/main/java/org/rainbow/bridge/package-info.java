/** The speed layer: change capture from PostgreSQL into Kafka, and Kafka into the serving store's speed tables. */
package org.rainbow.bridge;
