package org.rainbow.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders placed through the API by several clients, paced to a rate, each for the scenario's own product (one
 * line), so the scenario can find exactly its orders in PostgreSQL and in the serving store. Each client behaves as
 * a careful one does: every order carries its own {@code Idempotency-Key}, and a refusal (503), a broken
 * connection or a timeout is retried with that key until the API answers 201 or the retry budget is spent. Counts
 * what the API acknowledged, every refusal it answered on the way, and what stayed uncertain (never acknowledged).
 */
final class OrderTraffic {

    /**
     * What the clients saw: orders acknowledged, refusals answered on the way (by status), connection attempts that
     * found nobody listening, orders never acknowledged within the retry budget ({@code uncertain}), and the
     * longest a refusal took to come.
     */
    record Outcome(long sent, long refused, long unreachable, long uncertain, Duration slowestRefusal,
                   Map<Integer, Long> refusals) {
    }

    private static final Duration RETRY_BUDGET = Duration.ofSeconds(90);

    private final FaultStack stack;
    private final Shop shop;
    private final int clients;
    private final double perSecond;
    private final int orders;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unreachable = new AtomicLong();
    private final AtomicLong uncertain = new AtomicLong();
    private final AtomicLong slowestRefusalNanos = new AtomicLong();
    private final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long startNanos;

    /** {@code perSecond} 0: as fast as the clients go. */
    OrderTraffic(FaultStack stack, Shop shop, int clients, double perSecond, int orders) {
        this.stack = stack;
        this.shop = shop;
        this.clients = clients;
        this.perSecond = perSecond;
        this.orders = orders;
    }

    OrderTraffic start() {
        startNanos = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            Thread client = new Thread(() -> placeUntilDone(random), "fault-traffic-" + c);
            client.setDaemon(true);
            client.start();
            threads.add(client);
        }
        return this;
    }

    /** How many orders the clients have asked for so far. */
    int requested() {
        return Math.min(next.get(), orders);
    }

    long sentSoFar() {
        return sent.get();
    }

    Outcome await() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        refusals.forEach((status, count) -> byStatus.put(status, count.get()));
        long refused = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(sent.get(), refused, unreachable.get(), uncertain.get(),
                Duration.ofNanos(slowestRefusalNanos.get()), byStatus);
    }

    private void placeUntilDone(Random random) {
        int i;
        while ((i = next.getAndIncrement()) < orders) {
            if (perSecond > 0) {
                long due = startNanos + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            place(1 + random.nextInt(5));
        }
    }

    private void place(int quantity) {
        String body = "{\"customerId\": " + shop.customer() + ", \"payment_id\": " + shop.payment()
                + ", \"products\": [{\"productId\": " + shop.product() + ", \"quantity\": " + quantity + "}]}";
        String key = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + RETRY_BUDGET.toNanos();
        while (System.nanoTime() < giveUp) {
            long began = System.nanoTime();
            try {
                HttpResponse<Void> response = FaultStack.HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl()
                                + "/api/v1/orders")).timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + stack.token())
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 201) {
                    sent.incrementAndGet();
                    return;
                }
                refusals.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                slowestRefusalNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
                if (response.statusCode() < 500 && response.statusCode() != 409) {
                    return; // refused for good: the request itself is wrong
                }
            } catch (ConnectException down) {
                unreachable.incrementAndGet();
            } catch (IOException brokenOrTimedOut) {
                // committed or not, the next try with the same key tells
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause();
        }
        uncertain.incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
