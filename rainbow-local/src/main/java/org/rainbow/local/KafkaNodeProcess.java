package org.rainbow.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rainbow.engines.kafka.KafkaNode;
import org.rainbow.engines.kafka.LocalKafka.KafkaSettings;

/**
 * {@code rainbow-local.jar kafka-node --node=N --state=DIR --kafka-port=P}: one node of the local stack's Kafka
 * cluster, in this process, until SIGTERM. A process per node lets one node stop or crash on its own.
 */
final class KafkaNodeProcess {

    private KafkaNodeProcess() {
    }

    static void run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("usage: kafka-node --node=N --state=DIR --kafka-port=P");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        KafkaSettings settings = KafkaSettings.localStack(Path.of(options.get("state")),
                Integer.parseInt(options.get("kafka-port")));
        KafkaNode node = KafkaNode.start(settings, Integer.parseInt(options.get("node")));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-node-stop"));
        node.awaitShutdown();
    }
}
