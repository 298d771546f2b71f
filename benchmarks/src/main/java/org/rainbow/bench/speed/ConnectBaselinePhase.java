package org.rainbow.bench.speed;

import java.time.Duration;
import java.util.Map;

/**
 * Phase 3, the baseline: Kafka Connect standalone with Debezium's {@code PostgresConnector} draining a backlog
 * into Kafka; the orders are written after its slot was created and before it starts.
 */
final class ConnectBaselinePhase {

    private static final String DATABASE = "bench_connect";

    private ConnectBaselinePhase() {
    }

    /** Row events per second from the first record in Kafka to the last. */
    static double run(SpeedEngines engines, int orders) throws Exception {
        System.out.println("Kafka Connect standalone + Debezium PostgresConnector -> Kafka, backlog of " + orders
                + " orders ...");
        SourceDatabase source = SourceDatabase.create(engines.postgres(), DATABASE);
        source.createSlot(DATABASE);
        source.insertBacklog(1, orders);
        try (ConnectStandaloneWorker connect = ConnectStandaloneWorker.start(engines.kafka().bootstrapServers(),
                engines.work().resolve("connect.offsets"))) {
            // Debezium's defaults but for what this database needs, like the bridge: pgoutput, the publication
            // the migrations create, exact decimals; topics like the bridge's (3 partitions, RF 2).
            connect.addConnector("bench-connect", Map.ofEntries(
                    Map.entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                    Map.entry("tasks.max", "1"),
                    Map.entry("database.hostname", "127.0.0.1"),
                    Map.entry("database.port", String.valueOf(engines.postgres().port())),
                    Map.entry("database.user", engines.postgres().user()),
                    Map.entry("database.password", engines.postgres().password()),
                    Map.entry("database.dbname", DATABASE),
                    Map.entry("topic.prefix", "connect"),
                    Map.entry("plugin.name", "pgoutput"),
                    Map.entry("slot.name", DATABASE),
                    Map.entry("publication.name", "rainbow_speed"),
                    Map.entry("publication.autocreate.mode", "disabled"),
                    Map.entry("table.include.list", SourceDatabase.tableList()),
                    Map.entry("snapshot.mode", "no_data"),
                    Map.entry("decimal.handling.mode", "string"),
                    Map.entry("topic.creation.default.partitions", "3"),
                    Map.entry("topic.creation.default.replication.factor", "2")));
            long events = (long) orders * SourceDatabase.EVENTS_PER_ORDER;
            return TopicProgress.await(engines.kafka(), "connect", events, Duration.ofMinutes(10)).perSecond(events);
        }
    }
}
