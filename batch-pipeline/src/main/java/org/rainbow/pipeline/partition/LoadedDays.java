package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The days whose raw tables were loaded since a full model build last took them in, and the days such a build
 * took in ahead of their own build step. Used under the warehouse lock only.
 */
final class LoadedDays {

    private final Set<LocalDate> unbuilt = new HashSet<>();
    private final Map<LocalDate, Build> builtAhead = new HashMap<>();

    void loaded(LocalDate day) {
        unbuilt.add(day);
        builtAhead.remove(day);
    }

    Set<LocalDate> unbuilt() {
        return Set.copyOf(unbuilt);
    }

    /** Run {@code runId} of partition {@code by} built {@code days}; the others among them will find it done. */
    void built(Set<LocalDate> days, LocalDate by, long runId) {
        for (LocalDate day : days) {
            unbuilt.remove(day);
            if (!day.equals(by)) {
                builtAhead.put(day, new Build(by, runId));
            }
        }
        builtAhead.remove(by);
    }

    /** The build that already took this day in since it last loaded, if one did; asked once per build step. */
    Optional<Build> builtAlready(LocalDate day) {
        return Optional.ofNullable(builtAhead.remove(day));
    }

    record Build(LocalDate by, long runId) {
    }
}
