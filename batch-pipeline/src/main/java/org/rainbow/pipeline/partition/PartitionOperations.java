package org.rainbow.pipeline.partition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rainbow.pipeline.config.PipelineProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** What operators do: run or re-run one day, backfill a range (in the background), watch progress. */
@Service
public class PartitionOperations {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job dailyPartition;
    private final Job backfill;
    private final Clock clock;
    private final int maxBackfillDays;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backfill-launcher");
        thread.setDaemon(true);
        return thread;
    });

    PartitionOperations(JobOperator operator, JobRepository repository, @Qualifier("dailyPartition") Job dailyPartition,
                        @Qualifier("backfill") Job backfill, Clock clock, PipelineProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.dailyPartition = dailyPartition;
        this.backfill = backfill;
        this.clock = clock;
        this.maxBackfillDays = properties.maxBackfillDays();
    }

    /** Runs the day's partition now, to its end, as a new run (every asset is rebuilt). */
    public JobExecution runPartition(LocalDate day) throws Exception {
        requireComplete(day);
        return operator.start(dailyPartition, new JobParametersBuilder()
                .addString(PartitionJobConfiguration.PARTITION_DATE, day.toString())
                .addLong("requestedAt", clock.millis())
                .toJobParameters());
    }

    /** Restarts a failed run (a day or a backfill): a backfill resumes only the days that failed. */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution failed = repository.getJobExecution(executionId);
        if (failed == null) {
            throw new IllegalArgumentException("no job execution " + executionId);
        }
        return operator.restart(failed);
    }

    /** Backfills {@code [from, to]} to its end. */
    public JobExecution backfill(LocalDate from, LocalDate to) throws Exception {
        return operator.start(backfill, backfillParameters(from, to));
    }

    /** Starts the backfill in the background and returns at once; poll {@link #execution(long)}. */
    public long backfillInBackground(LocalDate from, LocalDate to) {
        JobParameters parameters = backfillParameters(from, to);
        CompletableFuture<Long> started = new CompletableFuture<>();
        background.submit(() -> {
            try {
                operator.start(backfill, parameters);
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        // The execution is created synchronously at the start of operator.start; wait for it to appear.
        for (int i = 0; i < 200 && !started.isDone(); i++) {
            JobExecution execution = repository.getLastJobExecution(PartitionJobConfiguration.BACKFILL_JOB, parameters);
            if (execution != null) {
                return execution.getId();
            }
            sleep();
        }
        return started.join();
    }

    public JobExecution execution(long id) {
        JobExecution execution = repository.getJobExecution(id);
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + id);
        }
        return execution;
    }

    /** Days of a backfill execution that completed, and how many it has. */
    public Progress progress(JobExecution execution) {
        LocalDate from = LocalDate.parse(execution.getJobParameters().getString("from"));
        LocalDate to = LocalDate.parse(execution.getJobParameters().getString("to"));
        long total = to.toEpochDay() - from.toEpochDay() + 1;
        long done = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("backfill_day:") && s.getStatus() == BatchStatus.COMPLETED)
                .count();
        long failed = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("backfill_day:") && s.getStatus() == BatchStatus.FAILED)
                .count();
        return new Progress(execution.getId(), execution.getStatus().name(), total, done, failed);
    }

    private JobParameters backfillParameters(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days > maxBackfillDays) {
            throw new IllegalArgumentException("a backfill takes at most " + maxBackfillDays + " days (" + from + " to "
                    + to + " is " + days + "); split the range");
        }
        requireComplete(to);
        return new JobParametersBuilder()
                .addString("from", from.toString())
                .addString("to", to.toString())
                .addLong("requestedAt", clock.millis())
                .toJobParameters();
    }

    /**
     * Only a day that has ended can be a partition: the serving layer trusts the batch views for every day
     * before the watermark, so a partial day must never be exported as if it were complete.
     */
    private void requireComplete(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!day.isBefore(today)) {
            throw new IllegalArgumentException("partition " + day + " has not ended yet (today is " + today
                    + " UTC); the latest partition that can run is " + today.minusDays(1));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record Progress(long executionId, String status, long days, long completed, long failed) {
    }
}
