/**
 * Change capture: the Debezium embedded engine reads PostgreSQL's WAL (pgoutput) and forwards every change
 * to its table's Kafka topic; a change is acknowledged to Debezium only once Kafka acknowledged it.
 */
package org.rainbow.bridge.capture;
