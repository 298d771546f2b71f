package org.rainbow.engines.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.rainbow.engines.kafka.LocalKafka.KafkaSettings;

/**
 * One node (broker and controller) of a Rainbow Kafka cluster, in this JVM: the tests run all three in one
 * JVM ({@link LocalKafka}), the local stack runs each in a process of its own, so one node can stop, crash
 * and come back while the other two keep the quorum.
 */
public final class KafkaNode implements AutoCloseable {

    private static final String CLUSTER_ID = "cmFpbmJvdy1sb2NhbC0x";

    private final KafkaRaftServer server;

    private KafkaNode(KafkaRaftServer server) {
        this.server = server;
    }

    /** Formats the node's directory on its first start (reuses it afterwards) and starts it; returns once it runs. */
    public static KafkaNode start(KafkaSettings settings, int node) {
        KafkaConfig config = new KafkaConfig(nodeProperties(settings, node), false);
        format(settings.nodeDirectory(node), node);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaNode(server);
    }

    /** Blocks until the node has shut down (from {@link #close()} or a fatal error). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties nodeProperties(KafkaSettings settings, int node) {
        String voters = IntStream.range(0, settings.controllerPorts().size())
                .mapToObj(i -> i + "@127.0.0.1:" + settings.controllerPorts().get(i))
                .collect(Collectors.joining(","));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + settings.brokerPorts().get(node)
                + ",CONTROLLER://127.0.0.1:" + settings.controllerPorts().get(node));
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.brokerPorts().get(node));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", settings.nodeDirectory(node).toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "2");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "3");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        // Applications create their topics explicitly, with the partitions and replicas they need.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Three nodes share two busy cores with the rest of the platform: tolerate a few slow heartbeats (one each
        // 2 s), yet fence a node that died within seconds, so its partitions' leadership moves on.
        p.put("broker.session.timeout.ms", "12000");
        p.put("controller.quorum.election.timeout.ms", "3000");
        p.put("controller.quorum.fetch.timeout.ms", "6000");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.retention.hours", "168");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("unclean.leader.election.enable", "false");
        return p;
    }

    private static void format(Path directory, int node) {
        if (Files.exists(directory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(node)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(directory.toString())
                    .setDirectories(List.of(directory.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + directory, e);
        }
    }

}
