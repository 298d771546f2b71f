package org.rainbow.architecture.violations.rooted;

import org.rainbow.architecture.violations.rooted.branch.Branch;

/** A root package's class that uses a package split off below it, which uses it back. */
public record Trunk(Branch branch) {
}
