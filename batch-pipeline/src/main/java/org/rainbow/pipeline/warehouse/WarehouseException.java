package org.rainbow.pipeline.warehouse;

/** An engine refused a statement; the message names the relation or statement at fault. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
