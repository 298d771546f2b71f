package org.rainbow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The supervisor's rules, on stand-ins that die when told to: restart with back-off, give up, operator stop. */
class SupervisorTest {

    private static final Supervisor.Policy FAST = new Supervisor.Policy(Duration.ofMillis(100), Duration.ofMillis(400),
            3, Duration.ofMinutes(1), Duration.ofSeconds(10));

    @Test
    void aPartThatDiesIsRestartedWhileTheOthersKeepRunning() throws Exception {
        Supervisor supervisor = new Supervisor(FAST, () -> { });
        Part bridge = new Part("stream-bridge");
        Part api = new Part("rainbow-api");
        supervisor.add(bridge, "services", Duration.ofSeconds(1));
        supervisor.add(api, "services", Duration.ofSeconds(1));
        supervisor.startAndAwait(Duration.ofSeconds(5), "stream-bridge", "rainbow-api");

        bridge.die();
        await(() -> bridge.starts.get() == 2 && state(supervisor, "stream-bridge") == Supervisor.State.RUNNING);

        assertThat(api.starts).hasValue(1);
        assertThat(api.alive()).isTrue();
        assertThat(status(supervisor, "stream-bridge").restarts()).isEqualTo(1);
        supervisor.stopAll();
        assertThat(bridge.alive() || api.alive()).isFalse();
    }

    @Test
    void aPartThatKeepsCrashingIsGivenUpAloneAndAnOperatorStartTriesAgain() throws Exception {
        Supervisor supervisor = new Supervisor(FAST, () -> { });
        Part broken = new Part("batch-pipeline");
        Part other = new Part("serving-api");
        supervisor.add(broken, "services", Duration.ofSeconds(1));
        supervisor.add(other, "services", Duration.ofSeconds(1));
        supervisor.startAndAwait(Duration.ofSeconds(5), "batch-pipeline", "serving-api");

        broken.dieOnStart.set(true);
        broken.die();
        await(() -> state(supervisor, "batch-pipeline") == Supervisor.State.GAVE_UP);
        int startsWhenGivenUp = broken.starts.get();
        Thread.sleep(600);

        assertThat(broken.starts).hasValue(startsWhenGivenUp);
        assertThat(startsWhenGivenUp).isEqualTo(3); // the first start and two restarts: three crashes
        assertThat(state(supervisor, "serving-api")).isEqualTo(Supervisor.State.RUNNING);

        broken.dieOnStart.set(false);
        supervisor.start("batch-pipeline");
        await(() -> state(supervisor, "batch-pipeline") == Supervisor.State.RUNNING);
        supervisor.stopAll();
    }

    @Test
    void aPartKilledAfterItWasReadyComesBackAfterTheFirstBackOffWhileFailedStartsDoubleIt() throws Exception {
        Supervisor.Policy policy = new Supervisor.Policy(Duration.ofSeconds(1), Duration.ofSeconds(8), 10,
                Duration.ofMinutes(1), Duration.ofSeconds(10));
        Supervisor supervisor = new Supervisor(policy, () -> { });
        Part bridge = new Part("stream-bridge");
        supervisor.add(bridge, "services", Duration.ofSeconds(1));
        supervisor.startAndAwait(Duration.ofSeconds(5), "stream-bridge");

        // Doubling per crash would make the third restart wait 4 s.
        for (int kill = 1; kill <= 3; kill++) {
            int starts = bridge.starts.get();
            long killed = System.nanoTime();
            bridge.die();
            await(() -> bridge.starts.get() == starts + 1 && state(supervisor, "stream-bridge") == Supervisor.State.RUNNING);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("back after kill " + kill)
                    .isLessThan(Duration.ofMillis(2_800));
        }

        bridge.dieOnStart.set(true);
        int starts = bridge.starts.get();
        long killed = System.nanoTime();
        bridge.die();
        await(Duration.ofSeconds(20), () -> bridge.starts.get() == starts + 3); // after 1 s, then 2 s, then 4 s
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        supervisor.stopAll();
    }

    @Test
    void anOperatorStopIsNotACrash() throws Exception {
        Supervisor supervisor = new Supervisor(FAST, () -> { });
        Part node = new Part("kafka-1");
        supervisor.add(node, "kafka", Duration.ofSeconds(1));
        supervisor.startAndAwait(Duration.ofSeconds(5), "kafka-1");

        supervisor.stop("kafka-1");
        Thread.sleep(600);
        assertThat(node.alive()).isFalse();
        assertThat(node.starts).hasValue(1);
        assertThat(state(supervisor, "kafka-1")).isEqualTo(Supervisor.State.STOPPED);

        supervisor.start("kafka-1");
        await(() -> state(supervisor, "kafka-1") == Supervisor.State.RUNNING);
        assertThat(status(supervisor, "kafka-1").restarts()).isZero();
        supervisor.stopAll();
    }

    private static Supervisor.State state(Supervisor supervisor, String name) {
        return status(supervisor, name).state();
    }

    private static Supervisor.Status status(Supervisor supervisor, String name) {
        return supervisor.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        await(Duration.ofSeconds(10), condition);
    }

    private static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A part whose "process" lives until it is told to die or stopped; optionally dies right after each start. */
    private static final class Part implements Supervised {
        private final String name;
        private final AtomicInteger starts = new AtomicInteger();
        private final AtomicBoolean dieOnStart = new AtomicBoolean();
        private volatile boolean alive;

        Part(String name) {
            this.name = name;
        }

        void die() {
            alive = false;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            starts.incrementAndGet();
            alive = !dieOnStart.get();
        }

        @Override
        public boolean ready() {
            return alive;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(starts.get());
        }

        @Override
        public String exitDescription() {
            return alive ? "running" : "exit code 1";
        }

        @Override
        public Path log() {
            return Path.of(name + ".log");
        }

        @Override
        public void stop(Duration grace) {
            alive = false;
        }
    }
}
