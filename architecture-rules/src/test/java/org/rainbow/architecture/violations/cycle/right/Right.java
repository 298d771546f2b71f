package org.rainbow.architecture.violations.cycle.right;

import java.util.List;
import org.rainbow.architecture.violations.cycle.left.Left;

/** The other half of a package cycle. */
public record Right(List<Left> lefts) {
}
