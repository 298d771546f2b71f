package org.rainbow.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * R7: no write to the captured database for a minute (rainbow-api, and with it the generator, stopped), while
 * the PostgreSQL cluster writes WAL elsewhere at a steady pace: capture's heartbeat (every 2 s here) keeps its
 * replication slot moving, so the WAL the slot retains stays bounded instead of growing with everything written.
 */
final class IdleWal extends Scenario {

    private static final Duration IDLE = Duration.ofSeconds(75);
    /** About 25 s of WAL at this pace: heartbeats (2 s), offset flushes and decoding catch up well within it. */
    private static final long BOUND_MB = 96;

    IdleWal() {
        super("R7", "idle-slot-wal-bounded");
    }

    @Override
    ScenarioResult run(FaultStack stack) throws Exception {
        long began = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        stack.stop("rainbow-api");
        try {
            stack.database().execute("drop database if exists fault_wal");
            stack.database().execute("create database fault_wal");
            var elsewhere = stack.database("fault_wal");
            elsewhere.execute("create table filler (id bigint, payload text)");
            String startLsn = stack.database().queryForObject("select pg_current_wal_lsn()::text", String.class);
            long maxRetained = 0;
            long written = 0;
            int round = 0;
            long end = System.nanoTime() + IDLE.toNanos();
            while (System.nanoTime() < end) {
                // about 1.3 MB of WAL a round, three rounds a second
                elsewhere.update("insert into filler select g, repeat(md5(g::text), 32) from generate_series(?, ?) g",
                        round * 1_000L, round * 1_000L + 999);
                round++;
                written = stack.database().queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint",
                        Long.class, startLsn);
                maxRetained = Math.max(maxRetained, retained(stack));
                Thread.sleep(250);
            }
            // The last rounds' WAL: a heartbeat or two moves the slot past them.
            Thread.sleep(10_000);
            long settled = retained(stack);
            notes.add(String.format("%d MB of WAL written elsewhere; the slot retained at most %d MB, %d MB at the end",
                    written >> 20, maxRetained >> 20, settled >> 20));
            if (maxRetained > BOUND_MB * 1024 * 1024) {
                failures.add("the idle slot retained up to " + (maxRetained >> 20) + " MB of WAL (bound " + BOUND_MB + " MB)");
            }
            if (written < 2 * BOUND_MB * 1024 * 1024) {
                failures.add("only " + (written >> 20) + " MB of WAL were written: too little to tell");
            }
            if (settled > BOUND_MB / 2 * 1024 * 1024) {
                failures.add("the slot still retains " + (settled >> 20) + " MB of WAL 10 s after the writes stopped");
            }
            stack.database().execute("drop database fault_wal");
        } finally {
            stack.start("rainbow-api");
            FaultStack.await("rainbow-api back", Duration.ofMinutes(3), () -> stack.running("rainbow-api"));
        }
        return new ScenarioResult(id(), name(), 0, 0, 0, 0, failures, notes, Duration.ofNanos(System.nanoTime() - began));
    }

    private static long retained(FaultStack stack) {
        return stack.database().queryForObject("select coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0)"
                + "::bigint from pg_replication_slots where slot_name = 'rainbow_speed'", Long.class);
    }
}
