package org.rainbow.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL, the truth, against the serving store's unified view: one scenario's product, and every day of
 * every order (the generator's too) as the daily route shows it.
 */
final class Ledger {

    /** Orders, units and money of one product. */
    record Tally(long orders, long quantity, BigDecimal amount) {

        boolean matches(Tally other) {
            return orders == other.orders && quantity == other.quantity && amount.compareTo(other.amount) == 0;
        }
    }

    private final FaultStack stack;

    Ledger(FaultStack stack) {
        this.stack = stack;
    }

    Tally postgres(Shop shop) {
        Map<String, Object> row = stack.database().queryForMap("""
                select count(distinct o.id) as orders, coalesce(sum(d.quantity), 0) as quantity,
                       coalesce(sum(d.quantity * d.price), 0) as amount
                from orders o join order_details d on d.order_id = o.id where d.product_id = ?""", shop.product());
        return new Tally(((Number) row.get("orders")).longValue(), ((Number) row.get("quantity")).longValue(),
                (BigDecimal) row.get("amount"));
    }

    /** The product's line in {@code /api/v1/sales/by-product} over yesterday and today (a run may cross midnight). */
    Tally served(Shop shop) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode products = stack.call("GET", stack.servingUrl() + "/api/v1/sales/by-product?from=" + today.minusDays(1)
                + "&to=" + today + "&limit=1000");
        for (JsonNode product : products) {
            if (product.get("product_id").asLong() == shop.product()) {
                return new Tally(product.get("order_count").asLong(), product.get("sales_quantity").asLong(),
                        product.get("extended_sales_amount").decimalValue());
            }
        }
        return new Tally(0, 0, BigDecimal.ZERO);
    }

    /** Days of {@code [from, to]} on which the unified view differs from PostgreSQL, with both figures. */
    List<String> dailyDifferences(LocalDate from, LocalDate to) {
        List<String> differences = new ArrayList<>();
        for (JsonNode day : stack.call("GET", stack.servingUrl() + "/api/v1/sales/daily?from=" + from + "&to=" + to)) {
            Map<String, Object> truth = stack.database().queryForMap("""
                    select count(distinct o.id) as orders, coalesce(sum(d.quantity * d.price), 0) as sales
                    from orders o join order_details d on d.order_id = o.id
                    where (o.created_at at time zone 'UTC')::date = ?::date""", day.get("date").asString());
            long orders = ((Number) truth.get("orders")).longValue();
            BigDecimal sales = (BigDecimal) truth.get("sales");
            if (orders != day.get("order_count").asLong()
                    || sales.compareTo(day.get("extended_sales_amount").decimalValue()) != 0) {
                differences.add(day.get("date").asString() + ": served " + day.get("order_count").asLong() + " orders "
                        + day.get("extended_sales_amount").decimalValue() + ", PostgreSQL " + orders + " orders " + sales);
            }
        }
        return differences;
    }

    /** Waits until the product's figures and every day of {@code [from, today]} agree; returns the last look. */
    Reconciliation awaitAgreement(Shop shop, LocalDate from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reconciliation last = null;
        while (true) {
            try {
                last = new Reconciliation(postgres(shop), served(shop),
                        dailyDifferences(from, LocalDate.now(ZoneOffset.UTC)));
                if (last.agrees() || System.nanoTime() > deadline) {
                    return last;
                }
            } catch (RuntimeException notAnswering) {
                if (System.nanoTime() > deadline) {
                    if (last == null) {
                        throw notAnswering;
                    }
                    return last;
                }
            }
            Thread.sleep(1000);
        }
    }

    record Reconciliation(Tally postgres, Tally served, List<String> dailyDifferences) {

        boolean agrees() {
            return postgres.matches(served) && dailyDifferences.isEmpty();
        }
    }
}
