package org.rainbow.pipeline.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Two days of source changes with known answers.
 * <ul>
 * <li>Customer 1 is created on day 1 at 08:00 and changes email at 10:00 and 12:00 that day and at 09:00 on
 * day 2: four versions.</li>
 * <li>Product 10 costs 20.00 from 08:00 on day 1, 25.00 from 14:00, 30.00 from 09:00 on day 2.</li>
 * <li>Order 100 (11:00 day 1, customer 1 as b@example.com) buys 2 × product 10 at 20.00 and 1 × product 11
 * at 100.00, and is paid on day 2; order 101 (15:00 day 1, customer 2, 10 % promotion) buys 1 × product 10 at
 * 25.00 for 22.50; order 102 (10:00 day 2, customer 1 as d@example.com) buys 3 × product 10 at 30.00.</li>
 * </ul>
 * Total sales: 40.00 + 100.00 + 22.50 + 90.00 = 252.50.
 */
final class SalesHistory {

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate DAY_2 = LocalDate.of(2026, 11, 2);
    static final BigDecimal TOTAL_SALES = new BigDecimal("252.50");

    private SalesHistory() {
    }

    static LocalDateTime day1(int hour) {
        return DAY_1.atTime(hour, 0);
    }

    static LocalDateTime day2(int hour) {
        return DAY_2.atTime(hour, 0);
    }

    static RawPartition day1() {
        return new RawPartition(DAY_1)
                .row("sellers", 1, "Acme", "Lyon", day1(7), day1(7))
                .row("payments", 1, "CASH", day1(7), day1(7))
                .row("payments", 2, "CREDIT_CARD", day1(7), day1(7))
                .row("promotions", 1, "Ten off", "PERCENTAGE", new BigDecimal("10.00"), LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 12, 31), null, 1, day1(7), day1(15))
                .row("customers", 1, "Ann", "Lee", "a@example.com", null, "Paris", day1(8), day1(8))
                .row("customers", 1, "Ann", "Lee", "b@example.com", null, "Paris", day1(8), day1(10))
                .row("customers", 1, "Ann", "Lee", "c@example.com", null, "Paris", day1(8), day1(12))
                .row("customers", 2, "Bob", "Ray", "bob@example.com", "+33 1", "Nice", day1(8), day1(8))
                .row("products", 10, 1, "Lamp", "Home", new BigDecimal("20.00"), day1(8), day1(8))
                .row("products", 10, 1, "Lamp", "Home", new BigDecimal("25.00"), day1(8), day1(14))
                .row("products", 11, 1, "Desk", "Office", new BigDecimal("100.00"), day1(8), day1(8))
                .row("orders", 100, 1, 1, null, "PLACED", new BigDecimal("140.00"), day1(11), day1(11))
                .row("order_details", 1000, 100, 10, 2, new BigDecimal("20.00"), new BigDecimal("20.00"), day1(11), day1(11))
                .row("order_details", 1001, 100, 11, 1, new BigDecimal("100.00"), new BigDecimal("100.00"), day1(11), day1(11))
                .row("orders", 101, 2, 2, 1, "PLACED", new BigDecimal("22.50"), day1(15), day1(15))
                .row("order_details", 1002, 101, 10, 1, new BigDecimal("25.00"), new BigDecimal("22.50"), day1(15), day1(15));
    }

    static RawPartition day2() {
        return new RawPartition(DAY_2)
                .row("customers", 1, "Ann", "Lee", "d@example.com", null, "Paris", day1(8), day2(9))
                .row("products", 10, 1, "Lamp", "Home", new BigDecimal("30.00"), day1(8), day2(9))
                .row("orders", 100, 1, 1, null, "PAID", new BigDecimal("140.00"), day1(11), day2(8))
                .row("orders", 102, 1, 1, null, "PLACED", new BigDecimal("90.00"), day2(10), day2(10))
                .row("order_details", 1003, 102, 10, 3, new BigDecimal("30.00"), new BigDecimal("30.00"), day2(10), day2(10));
    }
}
