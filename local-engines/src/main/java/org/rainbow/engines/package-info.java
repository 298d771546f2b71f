/** Real engines embedded for the one-command local stack, and reused by every module's tests as fixtures. */
package org.rainbow.engines;
