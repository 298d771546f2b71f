/** The Rainbow order API: orders and master data on PostgreSQL, plus the traffic generator. */
package org.rainbow.api;
