package org.rainbow.architecture.violations.cycle.left;

import org.rainbow.architecture.violations.cycle.right.Right;

/** One half of a package cycle. */
public record Left(Right right) {
}
