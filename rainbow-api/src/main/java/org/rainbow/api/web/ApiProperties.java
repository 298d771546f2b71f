package org.rainbow.api.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** HTTP limits of the API. */
@Validated
@ConfigurationProperties("rainbow.api")
public record ApiProperties(@Min(1024) long maxRequestBytes) {
}
