package org.rainbow.speed.sink;

/** A change event the sink cannot turn into a row; it goes to the dead-letter topic with this message as reason. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
