package org.rainbow.engines.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.rainbow.engines.LoopbackPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster of three combined broker + controller nodes on fixed 127.0.0.1 ports, all in this
 * JVM. Every node is a voter ({@code controller.quorum.voters} lists all three), so the cluster keeps its
 * quorum when one node is down and topics with replication factor 2 are really replicated.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final String CLUSTER_ID = "cmFpbmJvdy1sb2NhbC0x";

    private final KafkaSettings settings;
    private final List<KafkaRaftServer> nodes;

    private LocalKafka(KafkaSettings settings, List<KafkaRaftServer> nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    /** Formats the node directories on first start (reuses them afterwards), starts all nodes, waits for 3 brokers. */
    public static LocalKafka start(KafkaSettings settings) {
        LoopbackPorts.requireFree("Kafka", Stream.concat(settings.brokerPorts().stream(),
                settings.controllerPorts().stream()).toList());
        long began = System.nanoTime();
        List<KafkaRaftServer> nodes = new ArrayList<>();
        for (int node = 0; node < settings.brokerPorts().size(); node++) {
            KafkaConfig config = new KafkaConfig(nodeProperties(settings, node), false);
            format(settings.nodeDirectory(node), node);
            nodes.add(new KafkaRaftServer(config, Time.SYSTEM));
        }
        // Started together: a lone node waits for the quorum, and a sequential start would wait on each.
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::startup))
                .toArray(CompletableFuture[]::new)).join();
        LocalKafka kafka = new LocalKafka(settings, nodes);
        kafka.awaitBrokers(Duration.ofSeconds(60));
        log.info("Kafka cluster of {} brokers up at {} in {} ms", nodes.size(), kafka.bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000);
        return kafka;
    }

    public String bootstrapServers() {
        return settings.brokerPorts().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public List<Integer> brokerPorts() {
        return settings.brokerPorts();
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Stops all nodes at once: stopped one by one, the last ones lose the quorum and hang on shutdown. */
    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(() -> {
            n.shutdown();
            n.awaitShutdown();
        })).toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        log.info("Kafka cluster at {} stopped", bootstrapServers());
    }

    private void awaitBrokers(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == nodes.size()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // brokers still registering with the controllers
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka brokers at " + bootstrapServers() + " did not all register in " + timeout);
    }

    private static Properties nodeProperties(KafkaSettings settings, int node) {
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
        // Three nodes share two busy cores with the rest of the platform: tolerate slow heartbeats.
        p.put("broker.session.timeout.ms", "30000");
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

    /** Broker ports and controller ports, one each per node, and where the nodes keep their logs. */
    public record KafkaSettings(List<Integer> brokerPorts, List<Integer> controllerPorts, Path dataDirectory) {

        public KafkaSettings {
            if (brokerPorts.size() != 3 || controllerPorts.size() != 3) {
                throw new IllegalArgumentException("a Rainbow Kafka cluster has exactly 3 nodes");
            }
            brokerPorts = List.copyOf(brokerPorts);
            controllerPorts = List.copyOf(controllerPorts);
        }

        /** The local stack: brokers on 19092–19094 (contract), controllers on 19192–19194, logs under the state directory. */
        public static KafkaSettings localStack(Path stateDirectory, int firstBrokerPort) {
            return new KafkaSettings(List.of(firstBrokerPort, firstBrokerPort + 1, firstBrokerPort + 2),
                    List.of(firstBrokerPort + 100, firstBrokerPort + 101, firstBrokerPort + 102),
                    stateDirectory.resolve("kafka"));
        }

        Path nodeDirectory(int node) {
            return dataDirectory.resolve("node-" + node);
        }
    }
}
