package org.rainbow.serving.sales;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A validated range of UTC days, both ends included. */
public record DateRange(LocalDate from, LocalDate to) {

    /**
     * The range a request asks for: {@code to} defaults to today, {@code from} to {@code defaultDays} days
     * ending at {@code to}; {@code from} after {@code to} and ranges longer than {@code maxDays} are refused.
     */
    static DateRange of(LocalDate from, LocalDate to, LocalDate today, int defaultDays, int maxDays) {
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(defaultDays - 1L);
        if (start.isAfter(end)) {
            throw new InvalidRequestException("from", "from (" + start + ") is after to (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw new InvalidRequestException("to", "the range covers " + days + " days; at most " + maxDays
                    + " are served per request");
        }
        return new DateRange(start, end);
    }
}
