/** The speed layer's Kafka topics (one per captured table, plus the dead-letter topic), created when missing. */
package org.rainbow.speed.topic;
