package org.rainbow.api.order;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an order refers to, read in one statement: whether its customer and payment method exist, and each
 * product's current list price. This is the hot path of every order, so it is plain SQL (JdbcClient, in the
 * order's own transaction): as three repository calls (two {@code existsById}, one {@code findAllById}) it took
 * about a third of the API's CPU per order in the profile (repository proxies, criteria interpretation, products
 * loaded as managed entities only to be dirty-checked at commit) and three round trips to PostgreSQL.
 */
@Component
class OrderReferences {

    private static final String FIND = """
            select 'customer' as kind, id, null::numeric as price from customers where id = :customer
            union all
            select 'payment', id, null from payments where id = :payment
            union all
            select 'product', id, price from products where id in (:products)""";

    private final JdbcClient jdbc;

    OrderReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What exists of an order's references; a product missing from {@code listPrices} does not exist. */
    record Found(boolean customer, boolean payment, Map<Long, BigDecimal> listPrices) {
    }

    Found find(long customerId, long paymentId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one product");
        }
        boolean[] customerAndPayment = new boolean[2];
        Map<Long, BigDecimal> listPrices = new HashMap<>();
        jdbc.sql(FIND)
                .param("customer", customerId)
                .param("payment", paymentId)
                .param("products", productIds)
                .query(row -> {
                    switch (row.getString("kind")) {
                        case "customer" -> customerAndPayment[0] = true;
                        case "payment" -> customerAndPayment[1] = true;
                        default -> listPrices.put(row.getLong("id"), row.getBigDecimal("price"));
                    }
                });
        return new Found(customerAndPayment[0], customerAndPayment[1], listPrices);
    }
}
