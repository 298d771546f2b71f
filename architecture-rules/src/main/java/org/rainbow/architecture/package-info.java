/**
 * The boundaries every module keeps, as ArchUnit rules its tests check against its own classes: see
 * docs/architecture.md, "Boundaries held by tests".
 */
package org.rainbow.architecture;
