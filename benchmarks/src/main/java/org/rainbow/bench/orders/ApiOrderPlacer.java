package org.rainbow.bench.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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
        try {
            placeAsync(order).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Sends the order without waiting; the future fails with the reason when it was not placed. */
    CompletableFuture<Void> placeAsync(OrderDraft order) {
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(order.json()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            if (response.statusCode() != 201) {
                String body = response.body();
                throw new CompletionException(new IOException("HTTP " + response.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
            }
        });
    }

    @Override
    public void close() {
        // The HTTP client and its connections are shared by all clients of the phase.
    }
}
