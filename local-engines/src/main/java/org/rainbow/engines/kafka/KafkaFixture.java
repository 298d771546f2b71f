package org.rainbow.engines.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * One real 3-broker Kafka cluster per test JVM, shared by every test class. It listens on fixed loopback
 * ports 29092–29094 (controllers 29192–29194), apart from the local stack's, so tests run beside
 * {@code ./rainbow up}. Tests keep apart by topic prefix and consumer group.
 */
public final class KafkaFixture {

    private static LocalKafka cluster;

    private KafkaFixture() {
    }

    public static synchronized LocalKafka shared() {
        if (cluster == null) {
            try {
                cluster = LocalKafka.start(new LocalKafka.KafkaSettings(List.of(29092, 29093, 29094),
                        List.of(29192, 29193, 29194), Files.createTempDirectory("rainbow-kafka")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "kafka-fixture-stop"));
        }
        return cluster;
    }
}
