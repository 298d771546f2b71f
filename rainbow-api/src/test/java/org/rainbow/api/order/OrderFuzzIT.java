package org.rainbow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;

/**
 * Sends hundreds of generated invalid order requests: every one must get a 4xx problem body, none a 5xx,
 * and the database must not change. Seeded, so a failure can be replayed.
 */
class OrderFuzzIT extends ApiIT {

    private static final long SEED = 20261123L;
    private static final int CASES = 600;
    private static final List<Object> WRONG_VALUES = List.of("12", "abc", true, 1.5, -3, 0, List.of(1),
            Map.of("id", 1), "", new java.math.BigInteger("99999999999999999999999"), Long.MIN_VALUE);

    @Test
    void invalidOrdersGet4xxProblemsAndWriteNothing() {
        truncateAll();
        Shop shop = openShop("9.99");
        long expired = post("/api/v1/promotions", Map.of("name", "old", "discount_type", "FIXED",
                "discount_value", 1, "start_date", "2021-01-01", "end_date", "2021-02-01")).created().get("id").asLong();
        Map<String, Long> before = rowCounts();
        Random random = new Random(SEED);
        List<Function<Map<String, Object>, Object>> mutations = mutations(random, expired);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();

        for (int i = 0; i < CASES; i++) {
            Map<String, Object> body = validBody(shop);
            Object mutated = mutations.get(i % mutations.size()).apply(body);
            Response response = mutated instanceof RawBody raw
                    ? send(HttpRequest.newBuilder(uri("/api/v1/orders")).header("Content-Type", raw.contentType())
                            .POST(HttpRequest.BodyPublishers.ofString(raw.text())))
                    : post("/api/v1/orders", JSON.writeValueAsString(mutated));

            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as("case %d: %s -> %s", i, describe(mutated), response.body())
                    .isBetween(400, 499);
            assertThat(response.contentType()).as("case %d", i).startsWith("application/problem+json");
        }

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(statuses.keySet()).contains(400, 413);
        post("/api/v1/orders", validBody(shop)).created();
    }

    private static Map<String, Object> validBody(Shop shop) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("productId", shop.product(), "quantity", 2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", shop.customer());
        body.put("payment_id", shop.payment());
        body.put("products", new ArrayList<>(List.of(line)));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("products")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Function<Map<String, Object>, Object>> mutations(Random random, long expiredPromotion) {
        List<String> fields = List.of("customerId", "payment_id", "products");
        return List.of(
                body -> { body.remove(fields.get(random.nextInt(fields.size()))); return body; },
                body -> { body.put(fields.get(random.nextInt(2)), pick(random)); return body; },
                body -> { body.put("promotion_id", pick(random)); return body; },
                body -> { body.put("products", pick(random)); return body; },
                body -> { firstLine(body).put(random.nextBoolean() ? "productId" : "quantity", pick(random)); return body; },
                body -> { firstLine(body).remove(random.nextBoolean() ? "productId" : "quantity"); return body; },
                body -> { firstLine(body).put("quantity", -random.nextInt(1000)); return body; },
                body -> { firstLine(body).put("quantity", PlaceOrderRequest.MAX_QUANTITY + 1 + random.nextInt(100_000)); return body; },
                body -> { body.put("products", List.of()); return body; },
                body -> { body.put("products", manyLines(body, PlaceOrderRequest.MAX_LINES + 1 + random.nextInt(400))); return body; },
                body -> { body.put("unexpected_" + random.nextInt(100), random.nextInt()); return body; },
                body -> { body.put("customerId", 1_000_000 + random.nextInt(1_000_000)); return body; },
                body -> { body.put("payment_id", 1_000_000 + random.nextInt(1_000_000)); return body; },
                body -> { firstLine(body).put("productId", 1_000_000 + random.nextInt(1_000_000)); return body; },
                body -> { body.put("promotion_id", 1_000_000 + random.nextInt(1_000_000)); return body; },
                body -> { body.put("promotion_id", expiredPromotion); return body; },
                body -> { ((List<Object>) body.get("products")).add(null); return body; },
                body -> truncated(random, JSON.writeValueAsString(body)),
                body -> new RawBody(JSON.writeValueAsString(body) + "}", "application/json"),
                body -> new RawBody(JSON.writeValueAsString(body), "text/plain"),
                body -> new RawBody(List.of("[]", "null", "42", "\"order\"", "", "{}", "{\"customerId\":}").get(random.nextInt(7)),
                        "application/json"),
                body -> { body.put("padding", "x".repeat(70_000 + random.nextInt(50_000))); return body; });
    }

    private static List<Map<String, Object>> manyLines(Map<String, Object> body, int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(firstLine(body));
        }
        return lines;
    }

    /** A proper prefix of a JSON object is never valid JSON. */
    private static RawBody truncated(Random random, String json) {
        return new RawBody(json.substring(0, 1 + random.nextInt(json.length() - 2)), "application/json");
    }

    private static Object pick(Random random) {
        return WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
    }

    private static String describe(Object body) {
        String text = body instanceof RawBody raw ? raw.text() : JSON.writeValueAsString(body);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private record RawBody(String text, String contentType) {
    }
}
