package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class PartitionTurnsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final Duration BLOCKED = Duration.ofMillis(300);

    private final PartitionTurns turns = new PartitionTurns();

    @Test
    void aLaterDayLoadsOnceEveryEarlierDayHasLoadedAndExportsOnceItHasFinished() {
        PartitionTurns.Run monday = new PartitionTurns.Run(MONDAY, 1L);
        turns.enter(monday);

        CompletableFuture<Void> tuesdayLoads = CompletableFuture.runAsync(() -> turns.awaitEarlierLoads(TUESDAY));
        assertThat(tuesdayLoads).failsWithin(BLOCKED);
        turns.loaded(monday);
        assertThat(tuesdayLoads).succeedsWithin(Duration.ofSeconds(5));

        CompletableFuture<Void> tuesdayExports = CompletableFuture.runAsync(() -> turns.awaitEarlierRuns(TUESDAY));
        assertThat(tuesdayExports).failsWithin(BLOCKED);
        turns.leave(monday);
        assertThat(tuesdayExports).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void anEarlierDayNeverWaitsForALaterOne() throws Exception {
        turns.enter(new PartitionTurns.Run(TUESDAY, 1L));

        CompletableFuture.runAsync(() -> {
            turns.awaitEarlierLoads(MONDAY);
            turns.awaitEarlierRuns(MONDAY);
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBackfillsAnnouncementAndItsDaysJobAreOneRun() {
        JobParameters backfill = new JobParametersBuilder().addString("from", MONDAY.toString())
                .addString("to", TUESDAY.toString()).addLong(PartitionJobConfiguration.REQUESTED_AT, 7L).toJobParameters();
        JobParameters mondaysJob = new JobParametersBuilder(backfill)
                .addString(PartitionJobConfiguration.PARTITION_DATE, MONDAY.toString()).toJobParameters();
        PartitionTurns.Run queued = PartitionTurns.Run.of(MONDAY, backfill);
        PartitionTurns.Run started = PartitionTurns.runOf(mondaysJob);
        assertThat(started).isEqualTo(queued);

        turns.enter(queued);
        turns.enter(started);
        turns.loaded(started);
        CompletableFuture<Void> tuesdayLoads = CompletableFuture.runAsync(() -> turns.awaitEarlierLoads(TUESDAY));
        assertThat(tuesdayLoads).succeedsWithin(Duration.ofSeconds(5));

        turns.leave(started);
        CompletableFuture<Void> tuesdayExports = CompletableFuture.runAsync(() -> turns.awaitEarlierRuns(TUESDAY));
        assertThat(tuesdayExports).as("still queued in the backfill's handler").failsWithin(BLOCKED);
        turns.leave(queued);
        assertThat(tuesdayExports).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aManualRunOfTheSameDayIsAnotherRunThatMustLoadToo() {
        PartitionTurns.Run backfilled = new PartitionTurns.Run(MONDAY, 1L);
        PartitionTurns.Run manual = new PartitionTurns.Run(MONDAY, 2L);
        turns.enter(backfilled);
        turns.enter(manual);
        turns.loaded(backfilled);

        CompletableFuture<Void> tuesdayLoads = CompletableFuture.runAsync(() -> turns.awaitEarlierLoads(TUESDAY));
        assertThat(tuesdayLoads).failsWithin(BLOCKED);
        turns.leave(manual);
        assertThat(tuesdayLoads).succeedsWithin(Duration.ofSeconds(5));
    }
}
