package org.rainbow.faults;

/** One fault, injected into a running stack under traffic, and what it must not break. */
interface Scenario {

    String id();

    String name();

    ScenarioResult run(FaultStack stack) throws Exception;
}
