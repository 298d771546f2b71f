package org.rainbow.architecture.violations.feature.owner;

/** The feature's service: the one its own package offers the others. */
public record ThingService(ThingRepository things) {

    public long count() {
        return things.count();
    }
}
