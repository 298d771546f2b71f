package org.rainbow.pipeline.partition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** In-process cron: at 00:00 UTC, the day that just ended. Off when a Kubernetes CronJob does it instead. */
@Component
@ConditionalOnProperty(name = "rainbow.pipeline.schedule.enabled", havingValue = "true")
class DailySchedule {

    private static final Logger log = LoggerFactory.getLogger(DailySchedule.class);

    private final PartitionOperations operations;
    private final Clock clock;

    DailySchedule(PartitionOperations operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    /** The partition a run at {@code now} processes: the previous UTC day. */
    static LocalDate partitionFor(java.time.Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    }

    @Scheduled(cron = "${rainbow.pipeline.schedule.cron}", zone = "UTC")
    void runPreviousDay() throws Exception {
        LocalDate day = partitionFor(clock.instant());
        log.info("scheduled run of partition {}", day);
        operations.runPartition(day);
    }
}
