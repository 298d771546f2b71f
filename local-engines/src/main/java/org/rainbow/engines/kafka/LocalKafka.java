package org.rainbow.engines.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    private final KafkaSettings settings;
    private final List<KafkaNode> nodes;

    private LocalKafka(KafkaSettings settings, List<KafkaNode> nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    /** Formats the node directories on first start (reuses them afterwards), starts all nodes, waits for 3 brokers. */
    public static LocalKafka start(KafkaSettings settings) {
        LoopbackPorts.requireFree("Kafka", Stream.concat(settings.brokerPorts().stream(),
                settings.controllerPorts().stream()).toList());
        long began = System.nanoTime();
        // Started together: a lone node waits for the quorum, and a sequential start would wait on each.
        List<CompletableFuture<KafkaNode>> starting = IntStream.range(0, settings.brokerPorts().size())
                .mapToObj(node -> CompletableFuture.supplyAsync(() -> KafkaNode.start(settings, node))).toList();
        List<KafkaNode> nodes = starting.stream().map(CompletableFuture::join).toList();
        LocalKafka kafka = new LocalKafka(settings, nodes);
        awaitBrokers(settings, Duration.ofSeconds(60));
        log.info("Kafka cluster of {} brokers up at {} in {} ms", nodes.size(), kafka.bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000);
        return kafka;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public List<Integer> brokerPorts() {
        return settings.brokerPorts();
    }

    public Admin admin() {
        return settings.admin();
    }

    /** Stops all nodes at once: stopped one by one, the last ones lose the quorum and hang on shutdown. */
    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::close))
                .toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        log.info("Kafka cluster at {} stopped", bootstrapServers());
    }

    /** Waits until every node of the cluster has registered as a broker (each node may run in any process). */
    public static void awaitBrokers(KafkaSettings settings, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = settings.admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == settings.brokerPorts().size()) {
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
        throw new IllegalStateException("Kafka brokers at " + settings.bootstrapServers() + " did not all register in "
                + timeout);
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

        public String bootstrapServers() {
            return brokerPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        }

        public Admin admin() {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
    }
}
