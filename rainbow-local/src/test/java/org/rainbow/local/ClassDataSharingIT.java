package org.rainbow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's own jar (built before this test runs) through the class-data sharing the stack's JVMs get: a
 * Kafka node, as the stack runs it, records the archive once ready (alone, it opens its controller port, not the
 * broker's); the next process maps its classes from it.
 */
class ClassDataSharingIT {

    private static final Path LAUNCHER_JAR = Path.of("target/rainbow-local.jar");
    /** Below the ephemeral range, apart from the other tests' Kafka ports (26092, 27092, 29092 and 100 above). */
    private static final int KAFKA_PORT = 25092;

    @TempDir
    Path work;

    @Test
    void aProcessRecordsTheArchiveOnceReadyAndTheNextProcessMapsItsClassesFromIt() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.prepare(LAUNCHER_JAR, work.resolve("cds"));
        JvmProcess node = new JvmProcess("kafka-0", List.of("-XX:+UseSerialGC", "-Xmx256m"), sharing,
                List.of("kafka-node", "--node=0", "--state=" + work.resolve("state"), "--kafka-port=" + KAFKA_PORT),
                Map.of(), work.resolve("logs"), Readiness.port(KAFKA_PORT + 100));
        try {
            node.start();
            await().atMost(Duration.ofMinutes(2)).until(node::ready);
            await().atMost(Duration.ofMinutes(3)).until(() -> archiveIn(work.resolve("cds")).isPresent());
        } finally {
            node.stop(Duration.ofSeconds(30));
        }
        assertThat(Files.readString(work.resolve("logs/kafka-0.log"))).doesNotContain("[warning][cds");

        ClassDataSharing.Launch next = sharing.launch();
        assertThat(next.archive()).isNull();
        assertThat(next.command()).contains("-XX:SharedArchiveFile=" + archiveIn(work.resolve("cds")).orElseThrow());
        Path classLoading = work.resolve("class-load.log");
        // -Xshare:on makes a JVM that cannot map the archive fail instead of quietly running without it. Without
        // arguments the launcher prints its usage and exits.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:on", "-Xlog:class+load=info:file=" + classLoading));
        command.addAll(next.command());
        Process usage = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(usage.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(usage.exitValue()).isZero();
        assertThat(Files.readAllLines(classLoading))
                .anyMatch(line -> line.contains("org.rainbow.local.RainbowLocal source: shared objects file (top)"));
    }

    @Test
    void oneProcessOfAJarRecordsAtATime() {
        ClassDataSharing sharing = ClassDataSharing.prepare(LAUNCHER_JAR, work.resolve("cds"));

        ClassDataSharing.Launch first = sharing.launch();
        ClassDataSharing.Launch second = sharing.launch();
        assertThat(first.command()).contains("-XX:+RecordDynamicDumpInfo");
        assertThat(second.command()).doesNotContain("-XX:+RecordDynamicDumpInfo").noneMatch(o -> o.startsWith("-XX:Shared"));

        first.abandon();
        assertThat(sharing.launch().command()).contains("-XX:+RecordDynamicDumpInfo");
    }

    private static Optional<Path> archiveIn(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.getFileName().toString().equals("application.jsa")).findFirst();
        }
    }
}
