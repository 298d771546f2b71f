/** The local-filesystem object storage of the one-machine stack. */
package org.rainbow.storage.local;
