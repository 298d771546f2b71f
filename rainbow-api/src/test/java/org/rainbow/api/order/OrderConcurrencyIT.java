package org.rainbow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;

class OrderConcurrencyIT extends ApiIT {

    @Test
    void parallelOrdersOnOneProductKeepEveryTotalRight() throws Exception {
        truncateAll();
        Shop shop = openShop("3.33");
        String body = """
                {"customerId": %d, "payment_id": %d, "products": [{"productId": %d, "quantity": 3}]}"""
                .formatted(shop.customer(), shop.payment(), shop.product());
        int orders = 400;

        List<Integer> statuses = inParallel(16, orders, () -> post("/api/v1/orders", body).status());

        assertThat(statuses).containsOnly(201);
        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(orders);
        assertThat(jdbc.queryForObject("select sum(total_amount) from orders", BigDecimal.class))
                .isEqualByComparingTo(new BigDecimal("9.99").multiply(BigDecimal.valueOf(orders)));
        assertThat(jdbc.queryForObject("""
                select count(*) from orders o
                where o.total_amount <> (select sum(d.quantity * d.price) from order_details d where d.order_id = o.id)""",
                Long.class)).isZero();
    }

    @Test
    void parallelOrdersNeverExceedAPromotionsUsageLimit() throws Exception {
        truncateAll();
        Shop shop = openShop("10.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long promotion = post("/api/v1/promotions", Map.of("name", "first 25", "discount_type", "PERCENTAGE",
                "discount_value", 50, "start_date", today.toString(), "end_date", today.toString(), "usage_limit", 25))
                .created().get("id").asLong();
        String body = """
                {"customerId": %d, "payment_id": %d, "promotion_id": %d, "products": [{"productId": %d, "quantity": 1}]}"""
                .formatted(shop.customer(), shop.payment(), promotion, shop.product());

        List<Integer> statuses = inParallel(16, 80, () -> post("/api/v1/orders", body).status());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(25);
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(55);
        assertThat(jdbc.queryForObject("select count(*) from orders where promotion_id = ?", Long.class, promotion))
                .isEqualTo(25);
        assertThat(jdbc.queryForObject("select usage_count from promotions where id = ?", Integer.class, promotion))
                .isEqualTo(25);
    }

    private static List<Integer> inParallel(int threads, int calls, java.util.concurrent.Callable<Integer> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
