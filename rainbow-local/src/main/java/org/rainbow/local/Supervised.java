package org.rainbow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/** A part of the local stack that the {@link Supervisor} starts, watches, restarts and stops: a service or an engine. */
interface Supervised {

    String name();

    /** Launches it; returns without waiting for it to be ready (see {@link #ready()}). */
    void start();

    /** Whether it is up and answering (a service's health endpoint, a node's port, a database connection). */
    boolean ready();

    /** Whether its process is still running: false after it exited, crashed or was killed. */
    boolean alive();

    OptionalLong pid();

    /** How it ended, for the console: an exit code where the launcher is its parent. */
    String exitDescription();

    Path log();

    /** Stops it (gracefully first, forcibly after {@code grace}); a no-op when it is not running. */
    void stop(Duration grace);
}
