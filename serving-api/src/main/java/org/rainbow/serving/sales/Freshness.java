package org.rainbow.serving.sales;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/sales/freshness}: up to where batch views are trusted, and how current the speed side is.
 *
 * @param watermark           batch views serve the days before it; {@code null} before any batch export was loaded
 * @param batchPartition      the partition whose run produced the served export
 * @param speedLastChangeAt   PostgreSQL commit time of the newest change in the speed tables
 * @param speedLastWriteAt    when the sink wrote the newest change
 * @param speedLagMs          commit → written of the newest change: how far behind the speed layer was when it last wrote
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Freshness(Instant watermark, String batchExportId, LocalDate batchPartition, Instant batchExportedAt,
                        Instant batchLoadedAt, Instant speedLastChangeAt, Instant speedLastWriteAt, Long speedLagMs,
                        Instant now) {
}
