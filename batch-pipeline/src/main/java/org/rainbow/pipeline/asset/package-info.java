/** Asset status per partition (Dagster-style): last materialization, rows, bytes, duration, checks, sync. */
package org.rainbow.pipeline.asset;
