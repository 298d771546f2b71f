package org.rainbow.serving.sales;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.serving.sales.*}: the longest range a request may ask for (longer ones are refused, not
 * truncated), the range when none is given, and how many keys a per-product or per-seller answer lists at most.
 */
@Validated
@ConfigurationProperties("rainbow.serving.sales")
public record SalesProperties(@DefaultValue("731") @Min(1) int maxRangeDays,
                              @DefaultValue("30") @Min(1) int defaultRangeDays,
                              @DefaultValue("1000") @Min(1) @Max(100_000) int maxLimit) {
}
