package org.rainbow.faults;

/** One fault, injected into a running stack under traffic, and what it must not break. */
abstract class Scenario {

    private final String id;
    private final String name;

    Scenario(String id, String name) {
        this.id = id;
        this.name = name;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    abstract ScenarioResult run(FaultStack stack) throws Exception;
}
