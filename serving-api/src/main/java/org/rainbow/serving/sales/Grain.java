package org.rainbow.serving.sales;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How many days one row of the daily route sums: a day, an ISO week (labelled by its Monday) or a calendar month. */
enum Grain {
    DAY, WEEK, MONTH;

    /** The grain a request names, {@code day} when it names none. */
    static Grain of(String value) {
        if (value == null) {
            return DAY;
        }
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("grain", "grain is one of " + Arrays.stream(values())
                        .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '"
                        + value + "'"));
    }

    /** The first day of the bucket that holds {@code day}. */
    LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
