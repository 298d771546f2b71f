package org.rainbow.bench.speed;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * The baseline of P2: a Kafka Connect standalone worker (connect-runtime, the Kafka version the project uses) in
 * this JVM, running Debezium's {@code PostgresConnector} as a Connect source task, as the system was first
 * deployed. It is assembled the way {@code ConnectStandalone} assembles it (plugins, file offsets, worker,
 * standalone herder), without the REST server, which carries no data.
 */
final class ConnectStandaloneWorker implements AutoCloseable {

    private final StandaloneHerder herder;

    private ConnectStandaloneWorker(StandaloneHerder herder) {
        this.herder = herder;
    }

    /** A worker with Connect's defaults: JSON without schemas (as the bridge writes), offsets in a file. */
    static ConnectStandaloneWorker start(String bootstrapServers, Path offsets) throws ClassNotFoundException {
        Map<String, String> properties = Map.of(
                WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, JsonConverter.class.getName(),
                WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, JsonConverter.class.getName(),
                "key.converter." + JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false",
                "value.converter." + JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false",
                StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsets.toString(),
                WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000",
                // Debezium ships ServiceLoader manifests: no scan of the whole class path.
                WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        Plugins plugins = new Plugins(properties);
        plugins.compareAndSwapWithDelegatingLoader();
        StandaloneConfig config = new StandaloneConfig(properties);
        ConnectorClientConfigOverridePolicy policy = Utils.newInstance(
                config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG),
                ConnectorClientConfigOverridePolicy.class);
        FileOffsetBackingStore offsetStore = new FileOffsetBackingStore(plugins.newInternalConverter(true,
                JsonConverter.class.getName(), Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false")));
        offsetStore.configure(config);
        Worker worker = new Worker("bench-connect", Time.SYSTEM, plugins, config, offsetStore, policy);
        StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
        herder.start();
        return new ConnectStandaloneWorker(herder);
    }

    /** Validates the connector's configuration (saying what is wrong), then starts it. */
    void addConnector(String name, Map<String, String> settings) throws Exception {
        Map<String, String> config = new HashMap<>(settings);
        config.put("name", name);
        FutureCallback<ConfigInfos> validated = new FutureCallback<>();
        herder.validateConnectorConfig(config, validated);
        ConfigInfos checks = validated.get(2, TimeUnit.MINUTES);
        if (checks.errorCount() > 0) {
            // Connect 4.1 itself fails with a NullPointerException (KAFKA-20693) when it tries to say this.
            throw new IllegalArgumentException("connector " + name + " refused: " + checks.values().stream()
                    .map(ConfigInfo::configValue).filter(value -> value != null && !value.errors().isEmpty())
                    .map(value -> value.name() + ": " + value.errors()).toList());
        }
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        herder.putConnectorConfig(name, config, false, created);
        created.get(2, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        herder.stop();
    }
}
