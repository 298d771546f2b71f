/** The daily partition job (assets as steps), the parallel backfill over a date range, and the schedule. */
package org.rainbow.pipeline.partition;
