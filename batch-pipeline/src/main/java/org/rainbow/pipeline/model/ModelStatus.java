package org.rainbow.pipeline.model;

/** How a model ended in a run. */
public enum ModelStatus {
    /** Built and every data test passed. */
    SUCCESS,
    /** Its SQL failed; the relation is unchanged. */
    ERROR,
    /** Built, but a data test found failing rows. */
    TEST_FAILED,
    /** Not run because something upstream failed. */
    SKIPPED
}
