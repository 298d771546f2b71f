package org.rainbow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;
import tools.jackson.databind.JsonNode;

class OrderApiIT extends ApiIT {

    private Shop shop;

    @BeforeEach
    void openShop() {
        truncateAll();
        shop = openShop("19.99");
    }

    @Test
    void placedOrderIsStoredWithServerComputedPricesAndReadBack() {
        long second = post("/api/v1/products", Map.of("seller_id", shop.seller(), "name", "Mug", "category", "Home",
                "price", new BigDecimal("4.50"))).created().get("id").asLong();
        String body = """
                {"customerId": %d, "payment_id": %d, "products": [
                  {"productId": %d, "quantity": 2}, {"productId": %d, "quantity": 3}]}"""
                .formatted(shop.customer(), shop.payment(), shop.product(), second);

        Response response = post("/api/v1/orders", body);

        JsonNode order = response.created();
        assertThat(response.location()).isEqualTo("/api/v1/orders/" + order.get("id").asLong());
        assertThat(order.get("customerId").asLong()).isEqualTo(shop.customer());
        assertThat(order.get("payment_id").asLong()).isEqualTo(shop.payment());
        assertThat(order.get("promotion_id").isNull()).isTrue();
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("total_amount").decimalValue()).isEqualByComparingTo("53.48");

        JsonNode read = get(response.location()).ok();
        assertThat(read).isEqualTo(order);
        assertThat(read.get("products")).hasSize(2);
        assertThat(read.get("products").get(0).get("regular_price").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(jdbc.queryForObject("select sum(quantity * price) from order_details where order_id = ?",
                BigDecimal.class, order.get("id").asLong())).isEqualByComparingTo("53.48");
        assertThat(jdbc.queryForObject("select total_amount from orders where id = ?", BigDecimal.class,
                order.get("id").asLong())).isEqualByComparingTo("53.48");
    }

    @Test
    void ordersPayTheListPriceOfTheMomentNotAnOlderOne() {
        placeOne(1);
        patch("/api/v1/products/" + shop.product(), Map.of("price", new BigDecimal("25.00"))).ok();

        JsonNode order = post("/api/v1/orders", request(null, 2)).created();

        assertThat(order.get("products").get(0).get("regular_price").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(order.get("total_amount").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void percentageAndFixedPromotionsLowerTheUnitPrice() {
        long percent = promotion("PERCENTAGE", "15", LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusDays(1), null);
        long fixed = promotion("FIXED", "5.00", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC), null);

        JsonNode withPercent = post("/api/v1/orders", request(percent, 3)).created();
        JsonNode withFixed = post("/api/v1/orders", request(fixed, 2)).created();

        // 19.99 * 0.85 = 16.9915 -> 16.99 per unit
        assertThat(withPercent.get("products").get(0).get("price").decimalValue()).isEqualByComparingTo("16.99");
        assertThat(withPercent.get("total_amount").decimalValue()).isEqualByComparingTo("50.97");
        assertThat(withPercent.get("promotion_id").asLong()).isEqualTo(percent);
        assertThat(withFixed.get("products").get(0).get("price").decimalValue()).isEqualByComparingTo("14.99");
        assertThat(withFixed.get("total_amount").decimalValue()).isEqualByComparingTo("29.98");
    }

    @Test
    void expiredOrFuturePromotionIsRejectedAndNothingIsWritten() {
        long expired = promotion("PERCENTAGE", "10", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), null);
        long future = promotion("FIXED", "1.00", LocalDate.now(ZoneOffset.UTC).plusDays(2),
                LocalDate.now(ZoneOffset.UTC).plusDays(9), null);
        Map<String, Long> before = rowCounts();

        JsonNode problem = post("/api/v1/orders", request(expired, 1)).problem(400);
        post("/api/v1/orders", request(future, 1)).problem(400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("promotion_id");
        assertThat(problem.get("detail").asString()).contains("not valid on");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void promotionUsageLimitIsEnforced() {
        long limited = promotion("FIXED", "1.00", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC), 2);

        post("/api/v1/orders", request(limited, 1)).created();
        post("/api/v1/orders", request(limited, 1)).created();
        Map<String, Long> before = rowCounts();
        JsonNode problem = post("/api/v1/orders", request(limited, 1)).problem(400);

        assertThat(problem.get("detail").asString()).contains("no uses left");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(get("/api/v1/promotions/" + limited).ok().get("usage_count").asInt()).isEqualTo(2);
    }

    @Test
    void unknownReferencesAre400WithTheFieldAtFault() {
        Map<String, Long> before = rowCounts();
        String template = """
                {"customerId": %d, "payment_id": %d, "promotion_id": %s, "products": [{"productId": %d, "quantity": 1}]}""";

        assertField(post("/api/v1/orders", template.formatted(999_999, shop.payment(), "null", shop.product())),
                "customerId");
        assertField(post("/api/v1/orders", template.formatted(shop.customer(), 999_999, "null", shop.product())),
                "payment_id");
        assertField(post("/api/v1/orders", template.formatted(shop.customer(), shop.payment(), "999999", shop.product())),
                "promotion_id");
        assertField(post("/api/v1/orders", template.formatted(shop.customer(), shop.payment(), "null", 999_999)),
                "products[0].productId");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void unknownOrderIs404ProblemAndBadIdIs400() {
        JsonNode problem = get("/api/v1/orders/424242").problem(404);
        assertThat(problem.get("detail").asString()).isEqualTo("order 424242 does not exist");
        get("/api/v1/orders/not-a-number").problem(400);
    }

    @Test
    void listIsNewestFirstAndCursorPagesCoverEveryOrderOnce() {
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            placed.add(placeOne(1 + i % 3));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/orders?size=10" + (cursor == null ? "" : "&cursor=" + cursor)).ok();
            page.get("items").forEach(order -> {
                seen.add(order.get("id").asLong());
                assertThat(order.get("products")).isNotEmpty();
            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        Set<Long> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(25).containsExactlyInAnyOrderElementsOf(placed);
        List<Long> newestFirst = new ArrayList<>(placed);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).isEqualTo(newestFirst);
    }

    @Test
    void malformedCursorAndPageSizeAre400() {
        get("/api/v1/orders?cursor=garbage").problem(400);
        get("/api/v1/orders?size=0").problem(400);
        get("/api/v1/orders?size=100000").problem(400);
    }

    private long placeOne(int quantity) {
        return post("/api/v1/orders", request(null, quantity)).created().get("id").asLong();
    }

    private String request(Long promotion, int quantity) {
        return """
                {"customerId": %d, "payment_id": %d, "promotion_id": %s, "products": [{"productId": %d, "quantity": %d}]}"""
                .formatted(shop.customer(), shop.payment(), promotion, shop.product(), quantity);
    }

    private long promotion(String type, String value, LocalDate start, LocalDate end, Integer limit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", type + " " + value, "discount_type", type,
                "discount_value", new BigDecimal(value), "start_date", start.toString(), "end_date", end.toString()));
        if (limit != null) {
            body.put("usage_limit", limit);
        }
        return post("/api/v1/promotions", body).created().get("id").asLong();
    }

    private static void assertField(Response response, String field) {
        JsonNode problem = response.problem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
