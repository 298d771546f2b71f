package org.rainbow.bench.speed;

import java.nio.file.Path;
import java.util.List;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.engines.kafka.LocalKafka;
import org.rainbow.engines.postgres.LocalPostgres;

/**
 * The real engines P2 runs on, their files under {@code work}: PostgreSQL 17, 3 KRaft Kafka brokers on
 * 49092–49094 and ClickHouse 26.7 on 48123. Closing stops them, ClickHouse first.
 */
record SpeedEngines(LocalPostgres postgres, LocalKafka kafka, LocalClickHouse clickHouse, Path work)
        implements AutoCloseable {

    static SpeedEngines start(Path work) {
        System.out.println("Starting engines (PostgreSQL, 3 Kafka brokers, ClickHouse) under " + work + " ...");
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.PostgresSettings(0, work.resolve("pg"),
                Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"), "rainbow", "rainbow", "rainbow",
                false));
        try {
            LocalKafka kafka = LocalKafka.start(new LocalKafka.KafkaSettings(List.of(49092, 49093, 49094),
                    List.of(49192, 49193, 49194), work.resolve("kafka")));
            try {
                return new SpeedEngines(postgres, kafka, LocalClickHouse.start(48123, 49900, work.resolve("clickhouse")),
                        work);
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try (postgres; kafka; clickHouse) {
            // closed in reverse order: ClickHouse, Kafka, PostgreSQL
        }
    }
}
