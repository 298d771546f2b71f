package org.rainbow.api.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTypeTest {

    @ParameterizedTest(name = "{0} {2} off {1} = {3}")
    @CsvSource({
            "PERCENTAGE, 19.99,  15,    16.99",   // 16.9915 rounds down
            "PERCENTAGE, 10.00,  12.5,  8.75",
            "PERCENTAGE, 0.05,   50,    0.03",    // 0.025 rounds half-up
            "PERCENTAGE, 99.99,  0,     99.99",
            "PERCENTAGE, 99.99,  100,   0.00",
            "FIXED,      19.99,  5.00,  14.99",
            "FIXED,      3.00,   5.00,  0.00",    // never below zero
            "FIXED,      7.50,   0,     7.50",
    })
    void discountedUnitPrice(DiscountType type, BigDecimal listPrice, BigDecimal value, BigDecimal expected) {
        BigDecimal price = type.apply(listPrice, value);

        assertThat(price).isEqualByComparingTo(expected);
        assertThat(price.scale()).isEqualTo(2);
    }
}
