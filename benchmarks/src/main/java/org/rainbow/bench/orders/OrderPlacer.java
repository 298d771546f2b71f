package org.rainbow.bench.orders;

/** How one client places orders; each client thread gets its own instance. */
interface OrderPlacer extends AutoCloseable {

    /** Places the order, or throws saying why it was not placed. */
    void place(OrderDraft order) throws Exception;
}
