package org.rainbow.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the local stack running: a service or engine that exits unexpectedly is restarted after a back-off,
 * while everything else keeps running. As in supervisord, the back-off guards against a part that cannot start:
 * it doubles with each start that fails before the part is ready, and a part that had become ready starts again
 * after the first back-off (it was serving; users wait for it). One that crashes {@code crashLimit} times within
 * {@code crashWindow}, however, is given up (and said so) until an operator starts it again. Operators can also stop and
 * start one part on purpose ({@code ./rainbow stop|start|restart NAME}).
 */
final class Supervisor {

    enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, GAVE_UP }

    /**
     * @param firstBackoff  pause before restarting a part that was ready; it doubles with each start that failed
     *                      since, up to {@code maxBackoff}
     * @param startTimeout  a part not ready this long after its start counts as crashed
     */
    record Policy(Duration firstBackoff, Duration maxBackoff, int crashLimit, Duration crashWindow, Duration startTimeout) {

        static Policy standard() {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 10, Duration.ofMinutes(10),
                    Duration.ofMinutes(3));
        }
    }

    /** One part's state as {@code ./rainbow ps} shows it. */
    record Status(String name, String group, State state, Long pid, int restarts, boolean healthy, Instant since,
                  String log) {
    }

    private final Policy policy;
    private final Runnable onPidsChanged;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            daemon("rainbow-supervisor"));
    private final ExecutorService starter = Executors.newCachedThreadPool(daemon("rainbow-start"));
    private volatile boolean shuttingDown;

    Supervisor(Policy policy, Runnable onPidsChanged) {
        this.policy = policy;
        this.onPidsChanged = onPidsChanged;
        watcher.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Adds a part; parts of one {@code group} (e.g. the Kafka nodes) stop together. */
    synchronized void add(Supervised target, String group, Duration stopGrace) {
        units.put(target.name(), new Unit(target, group, stopGrace));
    }

    /** Starts the named parts together and waits until all are ready; fails if one is given up meanwhile. */
    void startAndAwait(Duration timeout, String... names) throws InterruptedException {
        List<Unit> starting = new ArrayList<>();
        for (String name : names) {
            Unit unit = unit(name);
            unit.crashes.clear();
            unit.failedStarts = 0;
            launch(unit);
            starting.add(unit);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Unit unit : starting) {
            while (unit.state != State.RUNNING) {
                if (unit.state == State.GAVE_UP) {
                    throw new IllegalStateException(unit.target.name() + " did not start; see " + unit.target.log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(unit.target.name() + " was not ready after " + timeout + "; see "
                            + unit.target.log());
                }
                Thread.sleep(200);
            }
        }
    }

    /** An operator's start (also of a part that was given up): its crash count starts afresh. */
    void start(String name) {
        Unit unit = unit(name);
        synchronized (unit) {
            if (unit.state == State.RUNNING || unit.state == State.STARTING) {
                return;
            }
            unit.crashes.clear();
            unit.failedStarts = 0;
            say(name + " started by the operator");
            launch(unit);
        }
    }

    /** An operator's stop: the part stays down, it is not restarted, until {@link #start(String)}. */
    void stop(String name) {
        Unit unit = unit(name);
        synchronized (unit) {
            unit.state = State.STOPPED;
            unit.since = Instant.now();
        }
        say(name + " stopped by the operator (./rainbow start " + name + " brings it back)");
        unit.target.stop(unit.stopGrace);
        onPidsChanged.run();
    }

    void restart(String name) {
        stop(name);
        start(name);
    }

    List<Status> statuses() {
        List<Status> statuses = new ArrayList<>();
        for (Unit unit : snapshot()) {
            boolean healthy = unit.state == State.RUNNING && unit.target.ready();
            statuses.add(new Status(unit.target.name(), unit.group, unit.state,
                    unit.target.alive() ? unit.target.pid().orElse(-1) : null, unit.restarts, healthy, unit.since,
                    unit.target.log().toString()));
        }
        return statuses;
    }

    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Unit unit : snapshot()) {
            unit.target.pid().ifPresent(pids::add);
        }
        return pids;
    }

    Optional<Supervised> find(String name) {
        return Optional.ofNullable(snapshotMap().get(name)).map(u -> u.target);
    }

    /** Stops everything, groups in the reverse order they were added, each group's parts at once. */
    void stopAll() {
        shuttingDown = true;
        watcher.shutdownNow();
        List<Unit> all = snapshot();
        List<String> groups = new ArrayList<>();
        all.forEach(u -> {
            if (!groups.contains(u.group)) {
                groups.add(u.group);
            }
        });
        for (int g = groups.size() - 1; g >= 0; g--) {
            String group = groups.get(g);
            List<Unit> members = all.stream().filter(u -> u.group.equals(group)).toList();
            CompletableFuture.allOf(members.stream().map(u -> CompletableFuture.runAsync(() -> {
                u.state = State.STOPPED;
                u.target.stop(u.stopGrace);
            }, starter)).toArray(CompletableFuture[]::new)).join();
            members.forEach(u -> System.out.println("  stopped " + u.target.name()));
        }
        starter.shutdownNow();
    }

    private void launch(Unit unit) {
        synchronized (unit) {
            unit.state = State.STARTING;
            unit.launching = true;
            unit.since = Instant.now();
        }
        starter.execute(() -> {
            try {
                unit.target.start();
                onPidsChanged.run();
            } catch (RuntimeException e) {
                if (!shuttingDown) {
                    say(unit.target.name() + " could not start: " + rootMessage(e));
                    unit.launching = false;
                    crashed(unit, false);
                }
            } finally {
                unit.launching = false;
            }
        });
    }

    private void watch() {
        for (Unit unit : snapshot()) {
            if (shuttingDown) {
                return;
            }
            try {
                check(unit);
            } catch (RuntimeException e) {
                say("supervising " + unit.target.name() + " failed: " + rootMessage(e));
            }
        }
    }

    private void check(Unit unit) {
        State state = unit.state;
        Instant now = Instant.now();
        switch (state) {
            case RUNNING -> {
                if (!unit.target.alive()) {
                    say(unit.target.name() + " died (" + unit.target.exitDescription() + ") after "
                            + Duration.between(unit.since, now).truncatedTo(ChronoUnit.SECONDS).toString()
                            .substring(2).toLowerCase() + "; see " + unit.target.log());
                    crashed(unit, true);
                }
            }
            case STARTING -> {
                if (unit.launching) {
                    return;
                }
                if (!unit.target.alive()) {
                    say(unit.target.name() + " exited while starting (" + unit.target.exitDescription() + "); see "
                            + unit.target.log());
                    crashed(unit, false);
                } else if (unit.target.ready()) {
                    synchronized (unit) {
                        if (unit.state != State.STARTING) {
                            return;
                        }
                        unit.state = State.RUNNING;
                    }
                    if (unit.restarts > 0) {
                        say(unit.target.name() + " is back (ready " + Duration.between(unit.since, now).toMillis() / 100 / 10.0
                                + " s after its restart, restart " + unit.restarts + ")");
                    }
                    unit.since = now;
                } else if (Duration.between(unit.since, now).compareTo(policy.startTimeout()) > 0) {
                    say(unit.target.name() + " was not ready " + policy.startTimeout().toSeconds()
                            + " s after its start; stopping it");
                    unit.target.stop(unit.stopGrace);
                    crashed(unit, false);
                }
            }
            case BACKING_OFF -> {
                if (!now.isBefore(unit.restartAt)) {
                    unit.restarts++;
                    launch(unit);
                }
            }
            case STOPPED, GAVE_UP -> {
                // an operator decides
            }
        }
    }

    /** {@code wasReady}: it died while running, not while starting. */
    private void crashed(Unit unit, boolean wasReady) {
        Instant now = Instant.now();
        synchronized (unit) {
            if (unit.state == State.STOPPED || shuttingDown) {
                return;
            }
            unit.crashes.addLast(now);
            while (!unit.crashes.isEmpty() && unit.crashes.peekFirst().isBefore(now.minus(policy.crashWindow()))) {
                unit.crashes.removeFirst();
            }
            unit.since = now;
            if (unit.crashes.size() >= policy.crashLimit()) {
                unit.state = State.GAVE_UP;
                say("giving up on " + unit.target.name() + ": " + unit.crashes.size() + " crashes within "
                        + policy.crashWindow().toMinutes() + " min. The rest of the stack keeps running; "
                        + "./rainbow start " + unit.target.name() + " tries again");
                return;
            }
            unit.failedStarts = wasReady ? 0 : unit.failedStarts + 1;
            long factor = 1L << Math.min(unit.failedStarts, 16);
            Duration backoff = policy.firstBackoff().multipliedBy(factor);
            if (backoff.compareTo(policy.maxBackoff()) > 0) {
                backoff = policy.maxBackoff();
            }
            unit.restartAt = now.plus(backoff);
            unit.state = State.BACKING_OFF;
            say("restarting " + unit.target.name() + " in " + backoff.toMillis() / 1000.0 + " s (restart "
                    + (unit.restarts + 1) + ")");
        }
        onPidsChanged.run();
    }

    private Unit unit(String name) {
        Unit unit = snapshotMap().get(name);
        if (unit == null) {
            throw new IllegalArgumentException("no service " + name + "; there are " + snapshotMap().keySet());
        }
        return unit;
    }

    private synchronized List<Unit> snapshot() {
        return List.copyOf(units.values());
    }

    private synchronized Map<String, Unit> snapshotMap() {
        return Map.copyOf(units);
    }

    static void say(String message) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Unit {
        final Supervised target;
        final String group;
        final Duration stopGrace;
        final Deque<Instant> crashes = new ArrayDeque<>();
        volatile State state = State.STOPPED;
        volatile boolean launching;
        volatile int restarts;
        /** Starts that failed since the part was last ready. */
        volatile int failedStarts;
        volatile Instant since = Instant.now();
        volatile Instant restartAt = Instant.now();

        Unit(Supervised target, String group, Duration stopGrace) {
            this.target = target;
            this.group = group;
            this.stopGrace = stopGrace;
        }
    }
}
