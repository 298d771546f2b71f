/** The captured Rainbow tables and their columns: the contract shared by capture, topics and speed tables. */
package org.rainbow.bridge.table;
