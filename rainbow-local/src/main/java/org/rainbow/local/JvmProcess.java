package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM the launcher runs as a child process ({@code java ... -jar}), its output appended to a log file; each
 * {@link #start()} runs a new process with the same command (and the class-data archive once an earlier run made it). Secrets go in its environment, which only its
 * owner can read, not on its command line.
 */
final class JvmProcess implements Supervised {

    private final String name;
    private final List<String> jvmOptions;
    private final ClassDataSharing jar;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final BooleanSupplier readiness;
    private volatile Process process;
    private ClassDataSharing.Launch launch;
    private boolean recorded;

    JvmProcess(String name, List<String> jvmOptions, ClassDataSharing jar, List<String> arguments,
               Map<String, String> environment, Path logDirectory, BooleanSupplier readiness) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.log = logDirectory.resolve(name + ".log");
        this.readiness = readiness;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (launch != null && !recorded) {
            launch.abandon();
        }
        launch = jar.launch();
        recorded = false;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(launch.command());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Also, the first time a process that is to record the class-data archive is ready, has it dumped. */
    @Override
    public synchronized boolean ready() {
        boolean ready = alive() && readiness.getAsBoolean();
        if (ready && !recorded && launch.archive() != null) {
            recorded = true;
            ClassDataSharing.Launch started = launch;
            long pid = process.pid();
            Thread recording = new Thread(() -> started.record(pid), name + "-class-data");
            recording.setDaemon(true);
            recording.start();
        }
        return ready;
    }

    @Override
    public boolean alive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    @Override
    public OptionalLong pid() {
        Process running = process;
        return running == null ? OptionalLong.empty() : OptionalLong.of(running.pid());
    }

    @Override
    public String exitDescription() {
        Process ended = process;
        if (ended == null || ended.isAlive()) {
            return "running";
        }
        int code = ended.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }

    @Override
    public Path log() {
        return log;
    }

    /** SIGTERM for a graceful shutdown, then SIGKILL if it does not finish in time. */
    @Override
    public synchronized void stop(Duration grace) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
