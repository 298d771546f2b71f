/**
 * Benchmarks that run Rainbow against real embedded engines and print their figures with a baseline measured in
 * the same run and PASS/FAIL per goal: P1 {@code orders}, P2 {@code speed}, P3 {@code batch}, P4 {@code serving},
 * a package each. They measure; they never fail a build.
 */
package org.rainbow.bench;
