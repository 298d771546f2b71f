package org.rainbow.bench.harness;

/** The word a goal line ends with. */
public final class Verdict {

    private Verdict() {
    }

    public static String of(boolean met) {
        return met ? "PASS" : "FAIL";
    }
}
