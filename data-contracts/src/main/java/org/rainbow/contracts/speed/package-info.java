/** The row shape of the speed tables, which the sink writes and serving reads: the source columns plus meta-columns. */
package org.rainbow.contracts.speed;
