package org.rainbow.pipeline.model;

/** A template did not render: unknown function or variable, bad config, failed macro. */
public class ModelRenderException extends RuntimeException {

    public ModelRenderException(String message) {
        super(message);
    }
}
