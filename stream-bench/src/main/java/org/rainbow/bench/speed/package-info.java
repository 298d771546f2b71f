/** Benchmark P2: how fast and how fresh the speed layer is on this machine, next to its raw parts. */
package org.rainbow.bench.speed;
