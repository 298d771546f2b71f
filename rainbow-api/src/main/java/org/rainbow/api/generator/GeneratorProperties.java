package org.rainbow.api.generator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.generator.*}: off by default; {@code ./rainbow up} turns it on.
 *
 * @param ordersPerSecond       live rate; 0 stops after the history
 * @param historyDays           whole UTC days before today that get backdated orders
 * @param changeProbability     chance, per order, that a customer or a product changes just before it
 * @param liveSeconds           how long to place live orders; 0 means until the service stops
 */
@Validated
@ConfigurationProperties("rainbow.generator")
public record GeneratorProperties(
        boolean enabled,
        long seed,
        @DecimalMin("0") double ordersPerSecond,
        @Min(0) int historyDays,
        @Min(0) int historyOrdersPerDay,
        @Min(1) int customers,
        @Min(1) int sellers,
        @Min(1) int productsPerSeller,
        @Min(0) int promotions,
        @DecimalMin("0") @DecimalMax("1") double changeProbability,
        @Min(0) long liveSeconds) {
}
