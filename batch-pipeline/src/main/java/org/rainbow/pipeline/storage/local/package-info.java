/** The local-filesystem object storage of the one-machine stack. */
package org.rainbow.pipeline.storage.local;
