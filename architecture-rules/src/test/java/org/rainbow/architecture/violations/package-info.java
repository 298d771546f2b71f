/**
 * Classes that break the boundary rules on purpose, for {@code BoundaryRulesTest} to show each rule catches
 * them. Test sources only: no module's rules ever import them.
 */
package org.rainbow.architecture.violations;
