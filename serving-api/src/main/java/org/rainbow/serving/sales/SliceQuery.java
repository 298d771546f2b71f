package org.rainbow.serving.sales;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters of every per-key route: the range and how many keys to list. */
record SliceQuery(
        @Parameter(description = "first day, YYYY-MM-DD (default: 29 days before to)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "last day, YYYY-MM-DD (default: today, UTC)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "most keys listed, best-selling first (default and most: rainbow.serving.sales.max-limit)")
        Integer limit) {
}
