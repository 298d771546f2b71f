package org.rainbow.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The whole machine's CPU time so far, in clock ticks from Linux's {@code /proc/stat}: busy and in total (all cores).
 * Between two samples it says how busy the cores were, and so how much room was left for work run side by side.
 */
public record MachineCpu(long busy, long total) {

    public static MachineCpu now() {
        // cpu  user nice system idle iowait irq softirq steal ...
        String[] fields = firstLine(Path.of("/proc/stat")).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new MachineCpu(total - idle, total);
    }

    /** The share of all cores' time that was busy since {@code earlier}, 0 to 1. */
    public double busySince(MachineCpu earlier) {
        return (busy - earlier.busy) / (double) Math.max(1, total - earlier.total);
    }

    /** The first line of a file of {@code /proc}. */
    public static String firstLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
