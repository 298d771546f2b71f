package org.rainbow.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A seller, product, customer and payment method that only one scenario uses: the generator draws from the
 * catalog it loaded at its start, so every order of this product is the scenario's.
 */
record Shop(long seller, long product, long customer, long payment) {

    static Shop open(FaultStack stack, String scenario) throws IOException, InterruptedException {
        long seller = create(stack, "/api/v1/sellers", "{\"name\": \"Fault " + scenario + "\", \"city\": \"Testville\"}");
        long product = create(stack, "/api/v1/products", "{\"seller_id\": " + seller + ", \"name\": \"Probe "
                + scenario + "\", \"category\": \"Faults\", \"price\": 7.35}");
        long customer = create(stack, "/api/v1/customers", "{\"first_name\": \"Fault\", \"last_name\": \"" + scenario
                + "\", \"email\": \"fault." + scenario.toLowerCase() + "." + System.nanoTime() + "@faults.example\"}");
        long payment = create(stack, "/api/v1/payments", "{\"method\": \"FAULT_" + scenario + "_" + System.nanoTime() % 100000
                + "\"}");
        return new Shop(seller, product, customer, payment);
    }

    private static long create(FaultStack stack, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = FaultStack.HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.token())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return FaultStack.JSON.readTree(response.body()).get("id").asLong();
    }
}
