package org.rainbow.pipeline.warehouse;

/**
 * What a table holds, in two numbers: its rows and an order-independent hash of them (each row hashed whole,
 * combined by XOR and by sum, so equal fingerprints mean equal multisets of rows, barring a hash collision).
 */
public record TableFingerprint(long rows, String hash) {
}
