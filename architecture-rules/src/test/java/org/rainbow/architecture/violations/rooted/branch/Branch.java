package org.rainbow.architecture.violations.rooted.branch;

import org.rainbow.architecture.violations.rooted.Trunk;

/** A package below the root that uses the root's class while the root uses it: a cycle through the root. */
public record Branch(Trunk trunk) {
}
