package org.rainbow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes need the bearer token; a caller without it gets a 401 problem body and changes nothing. */
class ApiSecurityIT extends ApiIT {

    @Test
    void everyWriteRouteRefusesACallerWithoutTheToken() {
        Shop shop = openShop("10.00");
        Map<String, Long> before = rowCounts();
        String order = JSON.writeValueAsString(Map.of("customerId", shop.customer(), "payment_id", shop.payment(),
                "products", List.of(Map.of("productId", shop.product(), "quantity", 1))));

        List<HttpRequest.Builder> writes = List.of(
                json("POST", "/api/v1/orders", order),
                json("POST", "/api/v1/customers", "{\"first_name\":\"Eve\",\"last_name\":\"X\",\"email\":\"eve@x.example\"}"),
                json("PATCH", "/api/v1/customers/" + shop.customer(), "{\"city\":\"Nowhere\"}"),
                json("PATCH", "/api/v1/products/" + shop.product(), "{\"price\":0.01}"),
                json("POST", "/api/v1/sellers", "{\"name\":\"Mallory\",\"city\":\"X\"}"),
                json("POST", "/api/v1/payments", "{\"method\":\"STOLEN_CARD\"}"),
                json("DELETE", "/api/v1/orders/1", ""));
        for (HttpRequest.Builder write : writes) {
            Response response = sendAnonymously(write);
            response.problem(401);
            assertThat(response.body()).contains("Authorization: Bearer");
        }
        Response forged = sendAnonymously(json("POST", "/api/v1/orders", order)
                .header("Authorization", "Bearer " + TOKEN.substring(1) + "x"));
        forged.problem(401);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(post("/api/v1/orders", order).status()).isEqualTo(201);
    }

    @Test
    void readsAndHealthAnswerWithoutCredentials() {
        assertThat(sendAnonymously(HttpRequest.newBuilder(uri("/api/v1/orders?size=1")).GET()).status()).isEqualTo(200);
        assertThat(sendAnonymously(HttpRequest.newBuilder(uri("/api/v1/generator")).GET()).status()).isEqualTo(200);
        assertThat(sendAnonymously(HttpRequest.newBuilder(uri("/actuator/health")).GET()).status()).isEqualTo(200);
    }

    private HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
}
