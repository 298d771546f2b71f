package org.rainbow.serving.store;

/** How many rows the speed tables of orders and order lines hold (every stored version). */
public record SpeedRows(long orders, long orderLines) {
}
