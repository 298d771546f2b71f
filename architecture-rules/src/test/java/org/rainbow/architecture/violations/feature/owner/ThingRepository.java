package org.rainbow.architecture.violations.feature.owner;

/** A feature's repository. */
public interface ThingRepository {

    long count();
}
