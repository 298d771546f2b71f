package org.rainbow.bridge.capture;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.rainbow.speed.topic.SpeedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the Debezium embedded engine (PostgreSQL, pgoutput) for as long as the application runs. If the
 * engine stops with an error (PostgreSQL or Kafka unreachable), it is started again after a pause: it resumes
 * from its last committed offset, so nothing is lost, and the sink's versioned writes absorb the repeats.
 */
@Component
@ConditionalOnProperty(name = "rainbow.bridge.capture.enabled", havingValue = "true", matchIfMissing = true)
public class ChangeCapture implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);

    private final CaptureProperties properties;
    private final SpeedTopics topics;
    private final String bootstrapServers;
    private final ChangeForwarder forwarder;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
    private volatile DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile boolean running;
    private volatile Throwable lastFailure;

    public ChangeCapture(CaptureProperties properties, SpeedTopics topics, KafkaProperties kafkaProperties,
                         KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.properties = properties;
        this.topics = topics;
        this.bootstrapServers = String.join(",", kafkaProperties.getBootstrapServers());
        // Heartbeats make a batch at least every heartbeat interval, so a healthy engine clears a past failure soon.
        this.forwarder = new ChangeForwarder(kafka, Set.of(topics.tableTopics()), meters, () -> lastFailure = null);
    }

    @Override
    public synchronized void start() {
        PublicationCheck.verify(properties);
        running = true;
        launch();
        log.info("Change capture started: {}:{}/{} slot {} -> topics {}.public.*", properties.host(), properties.port(),
                properties.database(), properties.slotName(), topics.prefix());
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            if (engine != null) {
                engine.close();
            }
            runner.shutdown();
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Debezium engine did not stop within 30 s");
            }
        } catch (IOException e) {
            log.warn("Debezium engine did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The error that last stopped the engine, if no batch has gone through since. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    private void launch() {
        engine = DebeziumEngine.create(Json.class)
                .using(engineProperties())
                .notifying(forwarder)
                .using((success, message, error) -> {
                    if (!success && running) {
                        lastFailure = error;
                        log.error("Debezium engine stopped: {}; restarting in {}", message, RESTART_PAUSE, error);
                        relaunchLater();
                    }
                })
                .build();
        runner.execute(engine);
    }

    private void relaunchLater() {
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(RESTART_PAUSE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (running) {
                    launch();
                }
            }
        }, "debezium-restart");
        restart.setDaemon(true);
        restart.start();
    }

    private Properties engineProperties() {
        Properties p = new Properties();
        p.setProperty("name", "rainbow-capture");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        // Offsets live in a compacted Kafka topic, replicated like the data they point into.
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("offset.storage.topic", properties.offsetTopic());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", String.valueOf(properties.offsetReplicationFactor()));
        p.setProperty("offset.flush.interval.ms", String.valueOf(properties.offsetFlushInterval().toMillis()));
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("database.hostname", properties.host());
        p.setProperty("database.port", String.valueOf(properties.port()));
        p.setProperty("database.user", properties.user());
        p.setProperty("database.password", properties.password());
        p.setProperty("database.dbname", properties.database());
        p.setProperty("topic.prefix", topics.prefix());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", properties.slotName());
        p.setProperty("publication.name", PublicationCheck.PUBLICATION);
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", String.join(",", PublicationCheck.publishedTables()));
        p.setProperty("snapshot.mode", properties.snapshotMode());
        // Exact decimals as strings: the default sends base64 bytes, "double" loses cents.
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("heartbeat.interval.ms", String.valueOf(properties.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query", PublicationCheck.HEARTBEAT_QUERY);
        p.setProperty("max.batch.size", String.valueOf(properties.maxBatchSize()));
        p.setProperty("max.queue.size", String.valueOf(properties.maxBatchSize() * 4));
        // Freshness: do not sleep half a second whenever the queue is momentarily empty.
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("converter.schemas.enable", "false");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        return p;
    }
}
