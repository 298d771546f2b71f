package org.rainbow.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;

/** A client that repeats an order request with its Idempotency-Key gets the first order, never a second one. */
class IdempotentOrderIT extends ApiIT {

    @Test
    void aRepeatedRequestAnswersWithTheFirstOrderAndPlacesNone() {
        Shop shop = openShop("4.00");
        String key = UUID.randomUUID().toString();
        long before = jdbc.queryForObject("select count(*) from orders", Long.class);

        Response first = send(order(shop, 2, key));
        Response again = send(order(shop, 2, key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(again.json().get("total_amount").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void aKeyReusedForAnotherOrderIsRefusedAndWritesNothing() {
        Shop shop = openShop("4.00");
        String key = UUID.randomUUID().toString();
        send(order(shop, 1, key));
        Map<String, Long> before = rowCounts();

        Response refused = send(order(shop, 3, key));

        assertThat(refused.problem(400).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(send(order(shop, 1, "has spaces in it")).status()).isEqualTo(400);
        assertThat(send(order(shop, 1, "k".repeat(101))).status()).isEqualTo(400);
    }

    @Test
    void requestsRacingWithOneKeyPlaceOneOrder() throws Exception {
        Shop shop = openShop("4.00");
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<Response> place = () -> send(order(shop, 1, key));
            answers.add(clients.submit(place));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertThat(response.status()).as(response.body()).isIn(201, 409);
            if (response.status() == 201) {
                ids.add(response.json().get("id").asLong());
            }
        }
        clients.shutdown();

        assertThat(ids).isNotEmpty();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(jdbc.queryForObject("select count(*) from orders where customer_id = ?", Long.class, shop.customer()))
                .isEqualTo(1);
    }

    private HttpRequest.Builder order(Shop shop, int quantity, String key) {
        return HttpRequest.newBuilder(uri("/api/v1/orders")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId": %d, "payment_id": %d, "products": [{"productId": %d, "quantity": %d}]}"""
                        .formatted(shop.customer(), shop.payment(), shop.product(), quantity)));
    }
}
