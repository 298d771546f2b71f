/** A real 3-node KRaft Kafka cluster (combined broker + controller nodes) running inside one JVM. */
package org.rainbow.engines.kafka;
