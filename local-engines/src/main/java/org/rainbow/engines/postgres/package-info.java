/** An embedded, real PostgreSQL server (zonky binaries) with logical decoding enabled. */
package org.rainbow.engines.postgres;
