/** The one-command local stack: embedded engines in this process, each Rainbow service as a child process. */
package org.rainbow.local;
