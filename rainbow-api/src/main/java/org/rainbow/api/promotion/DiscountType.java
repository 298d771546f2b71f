package org.rainbow.api.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a promotion lowers a unit price. Results are in cents, rounded half-up, never below zero. */
public enum DiscountType {
    /** {@code value} percent off the list price. */
    PERCENTAGE {
        @Override
        public BigDecimal apply(BigDecimal listPrice, BigDecimal value) {
            BigDecimal factor = BigDecimal.valueOf(100).subtract(value);
            return listPrice.multiply(factor).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).max(ZERO);
        }
    },
    /** {@code value} off each unit. */
    FIXED {
        @Override
        public BigDecimal apply(BigDecimal listPrice, BigDecimal value) {
            return listPrice.subtract(value).max(ZERO).setScale(2, RoundingMode.HALF_UP);
        }
    };

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public abstract BigDecimal apply(BigDecimal listPrice, BigDecimal value);
}
