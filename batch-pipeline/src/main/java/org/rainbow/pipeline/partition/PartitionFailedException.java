package org.rainbow.pipeline.partition;

/** A partition's asset could not be materialized (e.g. a data test failed); the step and the job fail. */
public class PartitionFailedException extends RuntimeException {

    public PartitionFailedException(String message) {
        super(message);
    }
}
