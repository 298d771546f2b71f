package org.rainbow.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every service the benchmarks start reads its own application.yml, though the classpath holds four. */
class InProcessServiceTest {

    @ParameterizedTest
    @CsvSource({
            "org.rainbow.api.RainbowApiApplication, rainbow-api",
            "org.rainbow.bridge.StreamBridgeApplication, stream-bridge",
            "org.rainbow.serving.ServingApplication, serving-api"})
    void findsTheApplicationYmlBesideTheApplicationClass(String application, String name) throws Exception {
        URL own = InProcessService.ownConfiguration(Class.forName(application));

        try (InputStream in = own.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("application:\n    name: " + name + "\n");
        }
    }
}
