package org.rainbow.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A week of orders written straight into PostgreSQL, each with the time it would have been placed at:
 * master data on day -8, orders on days -7 to -1 and a few today, two promotions (a percentage and a fixed one) on
 * some orders, and master data changing between orders (new SCD2 versions): a product renamed on day -6, a product
 * repriced on day -5, a product moved to the other seller and another category on day -4, two customers moving on
 * day -2, and today a product renamed and recategorised and a customer moving. Deterministic for a seed.
 */
final class SalesHistory {

    static final int DAYS = 7;
    private static final BigDecimal[] PRICES = {new BigDecimal("20.00"), new BigDecimal("4.50"),
            new BigDecimal("99.90"), new BigDecimal("12.25"), new BigDecimal("7.00"), new BigDecimal("35.10")};

    private final JdbcTemplate source;
    private final LocalDate today;
    private final Random random;
    private final BigDecimal[] prices = PRICES.clone();
    private long nextOrder;
    private long nextLine;

    SalesHistory(JdbcTemplate source, LocalDate today, long seed) {
        this.source = source;
        this.today = today;
        this.random = new Random(seed);
        this.nextOrder = source.queryForObject("select coalesce(max(id), 0) + 1 from orders", Long.class);
        this.nextLine = source.queryForObject("select coalesce(max(id), 0) + 1 from order_details", Long.class);
    }

    void write() {
        OffsetDateTime master = at(today.minusDays(DAYS + 1L), 8 * 3600);
        String[] methods = {"CASH", "CREDIT_CARD", "BANK_TRANSFER"};
        for (int m = 0; m < methods.length; m++) {
            source.update("insert into payments (id, method, created_at, updated_at) values (?, ?, ?, ?)", m + 1L,
                    methods[m], master, master);
        }
        String[] sellers = {"Rossi Market", "Nakamura Goods"};
        for (int v = 0; v < sellers.length; v++) {
            source.update("insert into sellers (id, name, city, created_at, updated_at) values (?, ?, 'Milan', ?, ?)",
                    v + 1L, sellers[v], master, master);
        }
        for (int p = 0; p < PRICES.length; p++) {
            source.update("insert into products (id, seller_id, name, category, price, created_at, updated_at) "
                    + "values (?, ?, ?, 'Home', ?, ?, ?)", p + 1L, 1L + p % 2, "Product " + (p + 1), PRICES[p], master, master);
        }
        String[] cities = {"Turin", "Turin", "Naples", "Bari", null};
        for (int c = 1; c <= cities.length; c++) {
            source.update("insert into customers (id, first_name, last_name, email, city, created_at, updated_at) "
                    + "values (?, 'First', 'Last', ?, ?, ?, ?)", (long) c, "c" + c + "@mail.example", cities[c - 1],
                    master, master);
        }
        source.update("insert into promotions (id, name, discount_type, discount_value, start_date, end_date, created_at, "
                + "updated_at) values (1, '10% off', 'PERCENTAGE', 10, ?, ?, ?, ?), (2, '2 off', 'FIXED', 2, ?, ?, ?, ?)",
                today.minusDays(60), today.plusDays(60), master, master, today.minusDays(60), today.plusDays(60), master,
                master);
        for (int back = DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            int orders = 4 + random.nextInt(3);
            for (int o = 0; o < orders; o++) {
                OffsetDateTime placed = at(day, 3600 + o * 3 * 3600 + random.nextInt(3000));
                if (o == orders / 2) {
                    changeMasterData(back, placed.minusMinutes(1));
                }
                order(placed);
            }
        }
        // A few seconds past midnight (already in the past whenever the test runs), a change between the orders.
        for (int o = 0; o < 4; o++) {
            if (o == 2) {
                changeMasterData(0, at(today, 2 * o));
            }
            order(at(today, 1 + 2 * o));
        }
    }

    /** The changes of the day {@code back} days ago, at {@code at}, between that day's orders. */
    private void changeMasterData(int back, OffsetDateTime at) {
        switch (back) {
            case 6 -> source.update("update products set name = 'Product 2 Deluxe', updated_at = ? where id = 2", at);
            case 5 -> reprice(1, new BigDecimal("25.00"), at);
            case 4 -> source.update("update products set seller_id = 2, category = 'Garden', updated_at = ? where id = 3", at);
            case 2 -> {
                source.update("update customers set city = 'Milan', updated_at = ? where id = 1", at);
                source.update("update customers set city = 'Rome', updated_at = ? where id = 2", at);
            }
            case 0 -> {
                source.update("update products set name = 'Product 4 Pro', category = 'Office', updated_at = ? where id = 4", at);
                source.update("update customers set city = 'Genoa', updated_at = ? where id = 3", at);
            }
            default -> {
            }
        }
    }

    /** Places one order at {@code at}, written in one go as the API would; returns its id. */
    long order(OffsetDateTime at) {
        long order = nextOrder++;
        long promotion = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        long customer = 1L + random.nextInt(5);
        long payment = 1L + random.nextInt(3);
        int lines = 1 + random.nextInt(3);
        List<Object[]> details = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0; l < lines; l++) {
            int product = random.nextInt(prices.length);
            int quantity = 1 + random.nextInt(4);
            BigDecimal regular = prices[product];
            BigDecimal price = switch ((int) promotion) {
                case 1 -> regular.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP);
                case 2 -> regular.subtract(new BigDecimal("2.00")).max(BigDecimal.ZERO.setScale(2));
                default -> regular;
            };
            details.add(new Object[] {nextLine++, order, product + 1L, quantity, regular, price, at, at});
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        source.update("insert into orders (id, customer_id, payment_id, promotion_id, total_amount, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", order, customer, payment, promotion == 0 ? null : promotion, total, at, at);
        source.batchUpdate("insert into order_details (id, order_id, product_id, quantity, regular_price, price, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", details);
        return order;
    }

    private void reprice(int product, BigDecimal price, OffsetDateTime at) {
        prices[product - 1] = price;
        source.update("update products set price = ?, updated_at = ? where id = ?", price, at, (long) product);
    }

    static OffsetDateTime at(LocalDate day, int secondOfDay) {
        return day.atStartOfDay().plusSeconds(secondOfDay).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
