/** The speed layer's service: change capture from PostgreSQL into Kafka, and speed-store's sink from Kafka into the speed tables. */
package org.rainbow.bridge;
