package org.rainbow.api.generator;

import java.time.LocalDate;

/** The history the generator backdates: days {@code [firstDay, endDay)}, written up to {@code nextDay}. */
record HistoryPlan(long seed, LocalDate firstDay, LocalDate endDay, LocalDate nextDay) {

    boolean complete() {
        return !nextDay.isBefore(endDay);
    }
}
