/** What every benchmark runs in: options handed to a service as Spring properties, a service started in-process, verdicts. */
package org.rainbow.bench.harness;
