/**
 * The batch-view exports the batch layer writes and the serving layer loads: one immutable folder per export,
 * published by rewriting one small pointer object.
 */
package org.rainbow.storage.export;
