package org.rainbow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Places orders through {@code POST /api/v1/orders}; anything but 201 Created is a failure. */
final class ApiOrderPlacer implements OrderPlacer {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI orders;
    private final String authorization;

    ApiOrderPlacer(HttpClient client, URI orders, String token) {
        this.client = client;
        this.orders = orders;
        this.authorization = "Bearer " + token;
    }

    @Override
    public void place(OrderDraft order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(order.json()))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            String body = response.body();
            throw new IOException("HTTP " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    @Override
    public void close() {
        // The HTTP client and its connections are shared by all clients of the phase.
    }
}
