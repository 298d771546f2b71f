package org.rainbow.pipeline.partition;

/** An operator asked about a job execution the repository does not hold. */
public class UnknownExecutionException extends RuntimeException {

    UnknownExecutionException(long id) {
        super("no job execution " + id);
    }
}
