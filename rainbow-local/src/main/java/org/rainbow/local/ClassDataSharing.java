package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Application class-data sharing (AppCDS) for a Spring Boot jar the launcher runs: the JVM maps the classes an
 * earlier run of the same build loaded from an archive instead of loading, parsing and verifying them again,
 * which takes about a third off a service's start-up CPU (what four services and three Kafka nodes starting
 * at once on two cores wait for). The jar is extracted once per build with Spring Boot's own tools
 * ({@code -Djarmode=tools extract}, in the background while the engines start), since classes nested in a fat
 * jar cannot be archived. The first run of a build has the archive dumped by {@code jcmd} once it is ready
 * (dumping at exit would make every first stop seconds longer); later runs use it. The dump pauses that JVM for
 * a few seconds, once per build. Anything missing or failed
 * means running without it: the JVM ignores an archive that does not match its class path.
 */
final class ClassDataSharing {

    private static final String ARCHIVE = "application.jsa";
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    /** CDS reports each class it cannot archive (generated proxies, old bytecode) as a warning: not news. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path fatJar;
    private final CompletableFuture<Path> extracted;
    private final AtomicBoolean recording = new AtomicBoolean();

    private ClassDataSharing(Path fatJar, CompletableFuture<Path> extracted) {
        this.fatJar = fatJar;
        this.extracted = extracted;
    }

    /** Starts extracting {@code fatJar} (unless this build's extraction exists) into {@code <its folder>/cds/}. */
    static ClassDataSharing prepare(Path fatJar) {
        return prepare(fatJar, fatJar.toAbsolutePath().getParent().resolve("cds"));
    }

    static ClassDataSharing prepare(Path fatJar, Path cache) {
        return new ClassDataSharing(fatJar, CompletableFuture.supplyAsync(() -> extract(fatJar, cache)));
    }

    /** The JVM options and the {@code -jar} part of a new process: using the archive, or ready to record it. */
    Launch launch() {
        Path application = extractedJar();
        if (application == null) {
            return new Launch(List.of("-jar", fatJar.toString()), null, () -> { });
        }
        Path archive = application.resolveSibling(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive, QUIET, "-jar", application.toString()), null,
                    () -> { });
        }
        // One process of a jar records at a time: the dump pauses it for seconds, and one archive serves them all
        // (the other Kafka nodes start without it).
        if (!Files.isExecutable(JCMD) || !recording.compareAndSet(false, true)) {
            return new Launch(List.of("-jar", application.toString()), null, () -> { });
        }
        return new Launch(List.of("-XX:+RecordDynamicDumpInfo", QUIET, "-jar", application.toString()), archive,
                () -> recording.set(false));
    }

    /** A process's command line part, and the archive it is to record once ready (null: none). */
    static final class Launch {

        private final List<String> command;
        private final Path archive;
        private final Runnable finished;

        private Launch(List<String> command, Path archive, Runnable finished) {
            this.command = List.copyOf(command);
            this.archive = archive;
            this.finished = finished;
        }

        List<String> command() {
            return command;
        }

        Path archive() {
            return archive;
        }

        /** Dumps the classes the running process {@code pid} has loaded into the archive (a new name, then a rename). */
        void record(long pid) {
            Path part = archive.resolveSibling(ARCHIVE + "." + pid + "." + UUID.randomUUID() + ".part");
            try {
                Process jcmd = new ProcessBuilder(JCMD.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                        part.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (jcmd.waitFor(5, TimeUnit.MINUTES) && jcmd.exitValue() == 0 && Files.isRegularFile(part)) {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    jcmd.destroyForcibly();
                }
                Files.deleteIfExists(part);
            } catch (IOException e) {
                System.err.println("class-data sharing: no archive from process " + pid + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.run();
            }
        }

        /** The process ended without recording: the next one of its jar may. */
        void abandon() {
            finished.run();
        }
    }

    private Path extractedJar() {
        try {
            return extracted.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            System.err.println("class-data sharing: running " + fatJar.getFileName() + " without it ("
                    + (e.getCause() == null ? e : e.getCause()).getMessage() + ")");
            return null;
        }
    }

    /**
     * {@code <cache>/<jar name>-<size>-<mtime>/<jar name>} and its {@code lib/}: a new build gets a new folder
     * (the old ones are deleted); two launchers extracting at once each write their own and one rename wins.
     */
    private static Path extract(Path fatJar, Path cache) {
        try {
            String build = fatJar.getFileName() + "-" + Files.size(fatJar) + "-"
                    + Files.getLastModifiedTime(fatJar).toMillis();
            Path done = cache.resolve(build);
            Path application = done.resolve(fatJar.getFileName());
            if (Files.isRegularFile(application)) {
                return application;
            }
            Files.createDirectories(cache);
            deleteOtherBuilds(cache, fatJar.getFileName().toString(), build);
            Path scratch = cache.resolve(".extracting-" + UUID.randomUUID());
            Process tools = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(), "extract", "--destination",
                    scratch.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!tools.waitFor(5, TimeUnit.MINUTES) || tools.exitValue() != 0) {
                tools.destroyForcibly();
                FileSystemUtils.deleteRecursively(scratch);
                throw new IllegalStateException("extracting " + fatJar + " failed");
            }
            try {
                Files.move(scratch, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException another) {
                FileSystemUtils.deleteRecursively(scratch);
            }
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + fatJar, e);
        }
    }

    private static void deleteOtherBuilds(Path cache, String jarName, String build) throws IOException {
        try (Stream<Path> builds = Files.list(cache)) {
            for (Path old : builds.filter(p -> p.getFileName().toString().startsWith(jarName + "-")
                    && !p.getFileName().toString().equals(build)).toList()) {
                FileSystemUtils.deleteRecursively(old);
            }
        }
    }
}
