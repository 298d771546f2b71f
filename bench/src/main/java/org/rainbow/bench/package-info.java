/**
 * Benchmarks that run Rainbow against real embedded engines and print their figures ({@code ./rainbow bench}).
 * They measure; they never fail a build.
 */
package org.rainbow.bench;
