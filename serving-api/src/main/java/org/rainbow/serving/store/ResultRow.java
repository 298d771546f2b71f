package org.rainbow.serving.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of a query's answer, its columns read by name; a NULL is {@code null}. */
public interface ResultRow {

    String text(String column);

    Long bigint(String column);

    BigDecimal decimal(String column);

    LocalDate date(String column);

    /** A UTC timestamp. */
    Instant instant(String column);
}
