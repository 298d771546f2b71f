package org.rainbow.api.product;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A partial change ({@code PATCH}): absent fields keep their value. */
public record ProductChange(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 100) String category,
        @DecimalMin("0.00") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal price) {
}
