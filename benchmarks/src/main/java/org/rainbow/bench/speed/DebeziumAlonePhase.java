package org.rainbow.bench.speed;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 2, the ceiling of capture: the Debezium engine alone (pgoutput) draining a backlog of orders, written
 * while it was stopped, into a consumer that only counts.
 */
final class DebeziumAlonePhase {

    private static final String DATABASE = "bench_raw";

    private final SpeedEngines engines;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong firstEvent = new AtomicLong();

    private DebeziumAlonePhase(SpeedEngines engines) {
        this.engines = engines;
    }

    /** Row events per second from the first event to the last of {@code orders} orders. */
    static double run(SpeedEngines engines, int orders) throws Exception {
        return new DebeziumAlonePhase(engines).drain(orders);
    }

    private double drain(int orders) throws Exception {
        System.out.println("Raw Debezium engine -> no-op consumer, " + orders + " orders ...");
        SourceDatabase source = SourceDatabase.create(engines.postgres(), DATABASE);
        try (DebeziumEngine<ChangeEvent<String, String>> engine = startCountingEngine()) {
            // The slot exists once the engine streams: probe until a change comes through.
            for (int probe = 0; events.get() == 0; probe++) {
                source.insertBacklog(1_000_000 + probe, 1);
                Thread.sleep(500);
                if (probe > 240) {
                    throw new IllegalStateException("the Debezium engine did not stream within 2 minutes");
                }
            }
        }
        source.insertBacklog(1, orders);
        events.set(0);
        firstEvent.set(0);
        long start = System.nanoTime();
        try (DebeziumEngine<ChangeEvent<String, String>> engine = startCountingEngine()) {
            awaitEvents((long) orders * SourceDatabase.EVENTS_PER_ORDER - SourceDatabase.EVENTS_PER_ORDER,
                    Duration.ofMinutes(10));
            System.out.printf("  (engine start to first event %.1f s)%n", (firstEvent.get() - start) / 1e9);
            return events.get() / ((System.nanoTime() - firstEvent.get()) / 1e9);
        }
    }

    private DebeziumEngine<ChangeEvent<String, String>> startCountingEngine() {
        Properties p = new Properties();
        p.setProperty("name", "bench-raw");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", engines.work().resolve("bench-raw.offsets").toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", "127.0.0.1");
        p.setProperty("database.port", String.valueOf(engines.postgres().port()));
        p.setProperty("database.user", engines.postgres().user());
        p.setProperty("database.password", engines.postgres().password());
        p.setProperty("database.dbname", DATABASE);
        p.setProperty("topic.prefix", "benchraw");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "bench_raw");
        p.setProperty("publication.name", "bench_raw");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", SourceDatabase.tableList());
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("converter.schemas.enable", "false");
        DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class).using(p)
                .notifying((records, committer) -> {
                    firstEvent.compareAndSet(0, System.nanoTime());
                    for (ChangeEvent<String, String> record : records) {
                        committer.markProcessed(record);
                    }
                    committer.markBatchFinished();
                    events.addAndGet(records.size());
                })
                .using((success, message, error) -> {
                    if (!success) {
                        System.err.println("Debezium engine failed: " + message + (error == null ? "" : " " + error));
                    }
                })
                .build();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        runner.execute(engine);
        runner.shutdown();
        return engine;
    }

    private void awaitEvents(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + events.get() + " of " + expected + " events within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}
