/** Liveness and identity of the service: {@code GET /ping} and {@code GET /}. */
package org.rainbow.api.status;
