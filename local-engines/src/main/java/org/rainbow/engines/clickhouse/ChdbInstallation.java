package org.rainbow.engines.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rainbow.engines.EngineVersions;

/**
 * Installs, once per machine, the ClickHouse engine (npm package {@code @chdb/lib-linux-x64-gnu}) and
 * compiles the launcher that serves it, into a cache directory: {@code $RAINBOW_CHDB_HOME}, else
 * {@code ~/.cache/rainbow/chdb}. Needs {@code npm} and {@code gcc} on the PATH (.ci/run installs both).
 */
public record ChdbInstallation(Path library, Path launcher) {

    /** chDB 26.7 embeds ClickHouse 26.7. */
    public static final String PACKAGE = "@chdb/lib-linux-x64-gnu@" + EngineVersions.current().clickhouse();

    public static synchronized ChdbInstallation ensureInstalled() {
        String home = System.getenv("RAINBOW_CHDB_HOME");
        Path root = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".cache", "rainbow", "chdb");
        String version = PACKAGE.substring(PACKAGE.lastIndexOf('@') + 1);
        Path packageDirectory = root.resolve(version);
        Path library = packageDirectory.resolve("node_modules/@chdb/lib-linux-x64-gnu/libchdb.so");
        Path launcher = packageDirectory.resolve("chdb-launcher");
        try {
            Files.createDirectories(packageDirectory);
            if (!Files.exists(library)) {
                run(packageDirectory, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                        packageDirectory.toString(), PACKAGE);
            }
            if (!Files.exists(launcher)) {
                Path source = packageDirectory.resolve("chdb-launcher.c");
                try (InputStream in = ChdbInstallation.class.getResourceAsStream("chdb-launcher.c")) {
                    Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
                }
                Path partial = packageDirectory.resolve("chdb-launcher.partial");
                run(packageDirectory, "gcc", "-O2", "-o", partial.toString(), source.toString(), "-ldl");
                Files.move(partial, launcher, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install ClickHouse (chDB) into " + packageDirectory, e);
        }
        return new ChdbInstallation(library, launcher);
    }

    private static void run(Path directory, String... command) throws IOException {
        Path log = directory.resolve("install.log");
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(Arrays.toString(command) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + Arrays.toString(command), e);
        }
    }
}
