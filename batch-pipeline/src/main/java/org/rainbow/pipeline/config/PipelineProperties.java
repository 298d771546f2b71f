package org.rainbow.pipeline.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.pipeline.*}.
 *
 * @param source        the Rainbow OLTP database the extract reads (the job repository is spring.datasource)
 * @param workDirectory scratch space for Parquet files before they are uploaded
 * @param gridSize      partitions a backfill runs at once; 0 means one per core
 * @param schedule      the daily run at 00:00 UTC of the previous day's partition
 * @param maxBackfillDays the longest range one backfill may take: a typo in a date must not queue centuries
 */
@Validated
@ConfigurationProperties("rainbow.pipeline")
public record PipelineProperties(@Valid @NotNull Source source, @NotNull Path workDirectory, @Min(0) int gridSize,
                                 @Valid @NotNull Schedule schedule,
                                 @DefaultValue("400") @Min(1) int maxBackfillDays) {

    public record Source(@NotBlank String url, @NotBlank String username, String password) {
    }

    /** {@code enabled=false} when a Kubernetes CronJob runs the partition instead. */
    public record Schedule(boolean enabled, @NotBlank String cron) {
    }

    public int effectiveGridSize() {
        return gridSize > 0 ? gridSize : Runtime.getRuntime().availableProcessors();
    }

    /** A range of partitions an operator may ask about or run: in order, at most {@code max-backfill-days}. */
    public void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > maxBackfillDays) {
            throw new IllegalArgumentException("a range takes at most " + maxBackfillDays + " days (" + from + " to "
                    + to + " is " + days + "); split it");
        }
    }
}
