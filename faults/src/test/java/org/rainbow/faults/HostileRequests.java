package org.rainbow.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * R5: over a thousand hostile requests to all four services (malformed and oversized bodies, wrong types,
 * injection strings in every field and query parameter, huge page sizes and date ranges, unknown routes and
 * methods, writes without the token): every answer a 4xx, none a 5xx, no row written. Then a poison message on a
 * table topic goes to the dead-letter topic, and orders placed after it still arrive.
 */
final class HostileRequests extends Scenario {

    /** Values an attacker tries in every field and parameter. */
    static final List<String> HOSTILE = List.of("' OR '1'='1", "'; DROP TABLE orders; --", "\" OR \"\"=\"",
            "1; SELECT pg_sleep(10)", "' UNION SELECT email FROM customers --", "<script>alert(1)</script>",
            "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "#{7*7}", "%00", "\u0000",
            "-1", "0", "99999999999999999999999", "1e309", "NaN", "true", "[]", "{}", "\uD83D\uDE00",
            "\r\nX-Injected: yes", "A".repeat(5_000), "2026-02-30", "9999-99-99");

    private record Attempt(String service, String method, String url, String contentType, String body, boolean token) {
    }

    HostileRequests() {
        super("R5", "hostile-requests");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        Shop shop = Shop.open(stack, id());
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Long> before = rows(stack, shop);

        List<Attempt> attempts = attempts(stack, shop);
        Map<Integer, Long> statuses = new TreeMap<>();
        long plainBodies = 0;
        long hungUp = 0;
        for (Attempt attempt : attempts) {
            HttpResponse<String> response;
            try {
                response = send(stack, attempt);
            } catch (IOException closed) {
                hungUp++; // the server closed the connection on a request it would not read: nothing was accepted
                continue;
            }
            statuses.merge(response.statusCode(), 1L, Long::sum);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(attempt.service() + " " + attempt.method() + " " + shorten(attempt.url()) + " "
                        + shorten(String.valueOf(attempt.body())) + " -> " + response.statusCode() + " " + shorten(response.body()));
            } else if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                plainBodies++;
            }
        }
        notes.add(attempts.size() + " hostile requests: " + statuses + ", " + hungUp + " hung up on; " + plainBodies
                + " answered by the web server before the application (no problem body)");
        if (attempts.size() < 1_000) {
            failures.add("only " + attempts.size() + " hostile requests");
        }
        Map<String, Long> after = rows(stack, shop);
        if (!after.equals(before)) {
            failures.add("rows written: before " + before + ", after " + after);
        }

        // Text is stored as sent, never run as SQL.
        String hostileCity = "Robert'); DROP TABLE orders; --";
        HttpResponse<String> stored = send(stack, new Attempt("rainbow-api", "PATCH", stack.apiUrl() + "/api/v1/customers/"
                + shop.customer(), "application/json", "{\"city\": \"Robert'); DROP TABLE orders; --\"}", true));
        String kept = stack.database().queryForObject("select city from customers where id = ?", String.class,
                shop.customer());
        if (stored.statusCode() != 200 || !hostileCity.equals(kept)) {
            failures.add("a hostile city was not stored verbatim: " + stored.statusCode() + ", " + kept);
        }

        try (KafkaChecks kafka = new KafkaChecks(stack.kafkaBootstrap())) {
            long deadLetters = kafka.deadLetters();
            kafka.sendPoison("rainbow.public.orders");
            FaultStack.await("the poison message in the dead-letter topic", Duration.ofMinutes(1),
                    () -> {
                        try {
                            return kafka.deadLetters() == deadLetters + 1;
                        } catch (Exception e) {
                            return false;
                        }
                    });
            notes.add("a poison message on rainbow.public.orders went to " + KafkaChecks.DEAD_LETTERS);
        }
        OrderTraffic.Outcome outcome = new OrderTraffic(stack, shop, 2, 20, 200).start().await();
        Ledger.Reconciliation books = new Ledger(stack).awaitAgreement(shop, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                Duration.ofMinutes(2));
        return ScenarioResult.reconcile(id(), name(), outcome, books, failures, notes,
                Duration.ofNanos(System.nanoTime() - began));
    }

    private static List<Attempt> attempts(FaultStack stack, Shop shop) {
        List<Attempt> attempts = new ArrayList<>();
        String api = stack.apiUrl();
        String serving = stack.servingUrl();
        String pipeline = stack.pipelineUrl();
        String bridge = stack.bridgeUrl();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (String h : HOSTILE) {
            String q = URLEncoder.encode(h, StandardCharsets.UTF_8);
            String js = json(h);
            // rainbow-api: every field of an order, typed fields with the token (400), text fields without it (401)
            attempts.add(order(api, "{\"customerId\": " + js + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": 1}]}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + js
                    + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": 1}]}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"promotion_id\": " + js + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": 1}]}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": " + js + "}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": [{\"productId\": " + js + ", \"quantity\": 1}]}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": " + js + "}]}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": 1}], " + js + ": 1}", true));
            attempts.add(order(api, "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                    + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": 1}]}", false));
            for (String field : List.of("email")) {
                attempts.add(new Attempt("rainbow-api", "PATCH", api + "/api/v1/customers/" + shop.customer(),
                        "application/json", "{\"" + field + "\": " + js + "}", true));
            }
            for (String field : List.of("first_name", "last_name", "phone", "city")) {
                attempts.add(new Attempt("rainbow-api", "PATCH", api + "/api/v1/customers/" + shop.customer(),
                        "application/json", "{\"" + field + "\": " + js + "}", false));
            }
            attempts.add(new Attempt("rainbow-api", "PATCH", api + "/api/v1/products/" + shop.product(),
                    "application/json", "{\"price\": " + js + "}", true));
            for (String field : List.of("name", "category")) {
                attempts.add(new Attempt("rainbow-api", "PATCH", api + "/api/v1/products/" + shop.product(),
                        "application/json", "{\"" + field + "\": " + js + "}", false));
            }
            attempts.add(new Attempt("rainbow-api", "POST", api + "/api/v1/customers", "application/json",
                    "{\"first_name\": " + js + ", \"last_name\": \"X\", \"email\": " + js + "}", true));
            attempts.add(new Attempt("rainbow-api", "POST", api + "/api/v1/sellers", "application/json",
                    "{\"name\": " + js + ", \"city\": " + js + "}", false));
            attempts.add(new Attempt("rainbow-api", "POST", api + "/api/v1/promotions", "application/json",
                    "{\"name\": \"x\", \"discount_type\": " + js + ", \"discount_value\": " + js + "}", true));
            attempts.add(get("rainbow-api", api + "/api/v1/orders/" + q));
            attempts.add(get("rainbow-api", api + "/api/v1/orders?size=" + q));
            attempts.add(get("rainbow-api", api + "/api/v1/orders?cursor=" + q));
            attempts.add(get("rainbow-api", api + "/api/v1/customers/" + q));
            attempts.add(get("rainbow-api", api + "/api/v1/products?size=" + q));
            attempts.add(get("rainbow-api", api + "/api/v1/" + q));
            // serving-api: every query parameter
            attempts.add(get("serving-api", serving + "/api/v1/sales/daily?from=" + q));
            attempts.add(get("serving-api", serving + "/api/v1/sales/daily?from=2026-01-01&to=" + q));
            attempts.add(get("serving-api", serving + "/api/v1/sales/by-product?limit=" + q));
            attempts.add(get("serving-api", serving + "/api/v1/sales/by-seller?from=" + q + "&to=" + q));
            attempts.add(get("serving-api", serving + "/api/v1/sales/by-payment?to=" + q));
            attempts.add(get("serving-api", serving + "/api/v1/sales/" + q));
            // batch-pipeline: every operator route, with the token
            attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/partitions/" + q + "/runs", null, null, true));
            attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/backfills?from=" + q + "&to=" + yesterday,
                    null, null, true));
            attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/backfills?from=" + yesterday + "&to=" + q,
                    null, null, true));
            attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/executions/" + q + "/restarts", null,
                    null, true));
            attempts.add(get("batch-pipeline", pipeline + "/api/v1/assets?from=" + q + "&to=" + yesterday));
            attempts.add(get("batch-pipeline", pipeline + "/api/v1/backfills/" + q));
            // stream-bridge
            attempts.add(get("stream-bridge", bridge + "/api/v1/speed/" + q + "/1"));
            attempts.add(get("stream-bridge", bridge + "/api/v1/speed/orders/" + q));
        }
        // Bodies no parser should swallow, sizes no service should take, and what is not there.
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String wide = "{\"customerId\": 1, \"payment_id\": 1, \"products\": [" + "{\"productId\": 1, \"quantity\": 1},"
                .repeat(5_000) + "{\"productId\": 1, \"quantity\": 1}]}";
        for (String body : List.of("", "{", "null", "1", "\"x\"", "[]", "{\"customerId\": 1,}", deep, wide,
                "{\"customerId\": 1, \"customerId\": 2}", "x".repeat(2_000_000))) {
            attempts.add(order(api, body, true));
        }
        attempts.add(new Attempt("rainbow-api", "POST", api + "/api/v1/orders", "text/plain", "hello", true));
        for (String field : List.of("first_name", "last_name", "city")) {
            attempts.add(new Attempt("rainbow-api", "PATCH", api + "/api/v1/customers/" + shop.customer(),
                    "application/json", "{\"" + field + "\": \"nul\\u0000byte\"}", true));
        }
        attempts.add(new Attempt("rainbow-api", "POST", api + "/api/v1/orders", "application/xml", "<order/>", true));
        attempts.add(get("rainbow-api", api + "/api/v1/orders?size=100000000"));
        attempts.add(get("serving-api", serving + "/api/v1/sales/daily?from=0001-01-01&to=9999-12-31"));
        attempts.add(get("serving-api", serving + "/api/v1/sales/by-product?limit=100000000"));
        attempts.add(get("batch-pipeline", pipeline + "/api/v1/assets?from=0001-01-01&to=9999-12-31"));
        attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/backfills?from=0001-01-01&to=" + yesterday,
                null, null, true));
        attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/backfills?from=" + yesterday.minusDays(3)
                + "&to=" + yesterday, null, null, false));
        attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/partitions/" + LocalDate.now(ZoneOffset.UTC)
                .plusDays(1) + "/runs", null, null, true));
        attempts.add(new Attempt("batch-pipeline", "POST", pipeline + "/api/v1/executions/999999999/restarts", null, null, true));
        for (String base : List.of(api, serving, pipeline, bridge)) {
            for (String path : List.of("/admin", "/.env", "/actuator/env", "/actuator/heapdump", "/actuator/shutdown",
                    "/WEB-INF/web.xml", "/api/v2/orders", "/%2e%2e/%2e%2e/etc/passwd")) {
                attempts.add(get(base, base + path));
            }
            attempts.add(new Attempt(base, "DELETE", base + "/api/v1/orders", null, null, true));
            attempts.add(new Attempt(base, "PUT", base + "/api/v1/sales/daily", "application/json", "{}", true));
        }
        return attempts;
    }

    private static Attempt order(String api, String body, boolean token) {
        return new Attempt("rainbow-api", "POST", api + "/api/v1/orders", "application/json", body, token);
    }

    private static Attempt get(String service, String url) {
        return new Attempt(service, "GET", url, null, null, false);
    }

    /** The value as a JSON string, escaped as a client library would. */
    private static String json(String value) {
        return FaultStack.JSON.writeValueAsString(value);
    }

    private static HttpResponse<String> send(FaultStack stack, Attempt attempt) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(attempt.url())).timeout(Duration.ofSeconds(30))
                .method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(attempt.body()));
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        if (attempt.token()) {
            request.header("Authorization", "Bearer " + stack.token());
        }
        return FaultStack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Long> rows(FaultStack stack, Shop shop) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("customers", "sellers", "products", "promotions", "payments")) {
            rows.put(table, stack.database().queryForObject("select count(*) from " + table, Long.class));
        }
        rows.put("orders of the scenario's customer", stack.database().queryForObject(
                "select count(*) from orders where customer_id = ?", Long.class, shop.customer()));
        rows.put("job executions", stack.database("rainbow_batch").queryForObject(
                "select count(*) from batch_job_execution", Long.class));
        rows.put("scenario customer's row", stack.database().queryForObject(
                "select hashtext(row(c.*)::text)::bigint from customers c where id = ?", Long.class, shop.customer()));
        rows.put("scenario product's row", stack.database().queryForObject(
                "select hashtext(row(p.*)::text)::bigint from products p where id = ?", Long.class, shop.product()));
        return rows;
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
