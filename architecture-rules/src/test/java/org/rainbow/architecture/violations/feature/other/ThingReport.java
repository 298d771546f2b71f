package org.rainbow.architecture.violations.feature.other;

import org.rainbow.architecture.violations.feature.owner.ThingRepository;

/** Another feature reaching past the service into the repository. */
public record ThingReport(ThingRepository things) {

    public String line() {
        return things.count() + " things";
    }
}
