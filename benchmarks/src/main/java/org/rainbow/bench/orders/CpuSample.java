package org.rainbow.bench.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rainbow.bench.harness.MachineCpu;

/**
 * CPU time used so far, in clock ticks from Linux {@code /proc}: by the whole machine, by this JVM (rainbow-api
 * and the load clients) and by the benchmark's PostgreSQL (postmaster and its children); and, from the JVM's
 * thread clocks, by the load clients' own threads, so the API's share is the JVM's without them. The difference
 * between two samples says who kept the cores busy, and whether something else on the machine disturbed the
 * figures. The JIT compiler's time says whether the code was still warming up.
 */
record CpuSample(long nanoTime, long machineBusy, long machineTotal, long jvm, double clients, long postgres,
                 long jitMillis) {

    /** Linux's USER_HZ, the unit of {@code /proc}'s CPU times, on every architecture the JDK runs on. */
    private static final double NANOS_PER_TICK = 10_000_000;
    /** The load clients' threads: the closed loops' and the HTTP client's selector and workers. */
    private static final List<String> CLIENT_THREADS = List.of(ClosedLoopLoad.CLIENT_THREAD, "HttpClient-",
            OpenLoopLoad.PACER_THREAD);

    /**
     * Shares of the machine's total CPU time (all cores) between two samples, and the JIT compilers' time per
     * second of wall time (summed over the compiler threads, so it can pass 100%).
     */
    record Share(double machine, double jvm, double clients, double postgres, double jit) {

        /** The JVM without the load clients' threads: rainbow-api's Tomcat, Spring, Hibernate, pool, JIT, GC. */
        double api() {
            return Math.max(0, jvm - clients);
        }

        double other() {
            return Math.max(0, machine - jvm - postgres);
        }

        @Override
        public String toString() {
            return String.format("CPU: API %3.0f%%, clients %3.0f%%, PostgreSQL %3.0f%%, other %3.0f%%; JIT %3.0f%%",
                    100 * api(), 100 * clients, 100 * postgres, 100 * other(), 100 * jit);
        }
    }

    static CpuSample take(long postmasterPid) {
        long now = System.nanoTime();
        MachineCpu machine = MachineCpu.now();
        return new CpuSample(now, machine.busy(), machine.total(), ownTicks(ProcessHandle.current().pid(), false),
                clientTicks(), postgresTicks(postmasterPid),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    Share since(CpuSample earlier) {
        double total = Math.max(1, machineTotal - earlier.machineTotal);
        double jit = (jitMillis - earlier.jitMillis) * 1e6 / (nanoTime - earlier.nanoTime);
        return new Share((machineBusy - earlier.machineBusy) / total, (jvm - earlier.jvm) / total,
                (clients - earlier.clients) / total, (postgres - earlier.postgres) / total, jit);
    }

    /**
     * CPU of the live client threads. A client thread that ends between two samples takes its time along, which
     * then counts for the API: an error against the API, never for it.
     */
    private static double clientTicks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && CLIENT_THREADS.stream().anyMatch(thread.getThreadName()::startsWith)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos / NANOS_PER_TICK;
    }

    /** The postmaster with its reaped children, plus the live ones (backends, WAL writer, checkpointer, ...). */
    private static long postgresTicks(long postmasterPid) {
        long ticks = ownTicks(postmasterPid, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private static long ownTicks(long pid, boolean withReapedChildren) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            return 0;
        }
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: [0] state, [1] ppid, [11] utime, ... */
    private static String[] stat(Path process) {
        try {
            String line = MachineCpu.firstLine(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (UncheckedIOException e) {
            return null; // the process ended between listing and reading
        }
    }
}
