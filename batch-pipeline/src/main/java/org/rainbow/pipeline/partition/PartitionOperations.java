package org.rainbow.pipeline.partition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.config.PipelineProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/** What operators do: run or re-run one day, backfill a range (in the background), watch progress. */
@Service
public class PartitionOperations {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job dailyPartition;
    private final Job backfill;
    private final Clock clock;
    private final PipelineProperties properties;
    private final AssetGraph graph;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backfill-launcher");
        thread.setDaemon(true);
        return thread;
    });

    PartitionOperations(JobOperator operator, JobRepository repository, @Qualifier("dailyPartition") Job dailyPartition,
                        @Qualifier("backfill") Job backfill, Clock clock, PipelineProperties properties,
                        AssetGraph graph) {
        this.graph = graph;
        this.operator = operator;
        this.repository = repository;
        this.dailyPartition = dailyPartition;
        this.backfill = backfill;
        this.clock = clock;
        this.properties = properties;
    }

    /** Runs the day's partition now, to its end, as a new run (every asset is rebuilt). */
    public JobExecution runPartition(LocalDate day) throws Exception {
        return runPartition(day, null);
    }

    /**
     * Materializes the assets {@code select} names (dbt syntax, e.g. {@code dim_products+}; null or blank: all)
     * of the day's partition now, to the end, as a new run.
     */
    public JobExecution runPartition(LocalDate day, String select) throws Exception {
        requireComplete(day);
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(PartitionJobConfiguration.PARTITION_DATE, day.toString())
                .addLong(PartitionJobConfiguration.REQUESTED_AT, clock.millis());
        return operator.start(dailyPartition, withSelection(parameters, select).toJobParameters());
    }

    /** Restarts a failed run (a day or a backfill): a backfill resumes only the days that failed. */
    public JobExecution restart(long executionId) throws Exception {
        return restart(execution(executionId));
    }

    /**
     * Runs the failed execution's job instance again with its parameters: Spring Batch restarts it, skipping what
     * completed. (The job is this service's own bean: the operator's registry does not know the jobs by name.)
     */
    JobExecution restart(JobExecution failed) throws Exception {
        Job job = switch (failed.getJobInstance().getJobName()) {
            case PartitionJobConfiguration.BACKFILL_JOB -> backfill;
            case PartitionJobConfiguration.DAILY_JOB -> dailyPartition;
            default -> throw new IllegalArgumentException("no job " + failed.getJobInstance().getJobName());
        };
        return operator.start(job, failed.getJobParameters());
    }

    /** Backfills {@code [from, to]} to its end. */
    public JobExecution backfill(LocalDate from, LocalDate to) throws Exception {
        return operator.start(backfill, backfillParameters(from, to, null));
    }

    /**
     * Starts the backfill of the assets {@code select} names (null or blank: all) in the background and returns at
     * once; poll {@link #execution(long)}.
     */
    public long backfillInBackground(LocalDate from, LocalDate to, String select) {
        JobParameters parameters = backfillParameters(from, to, select);
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
        JobExecution execution;
        try {
            execution = id > 0 ? repository.getJobExecution(id) : null;
        } catch (EmptyResultDataAccessException unknown) {
            execution = null;
        }
        if (execution == null) {
            throw new UnknownExecutionException(id);
        }
        return execution;
    }

    /** The backfills running now, newest first (also one a restart of the pipeline resumed). */
    public java.util.List<Progress> runningBackfills() {
        return repository.findRunningJobExecutions(PartitionJobConfiguration.BACKFILL_JOB).stream()
                .sorted(java.util.Comparator.comparing(JobExecution::getId).reversed()).map(this::progress).toList();
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

    private JobParameters backfillParameters(LocalDate from, LocalDate to, String select) {
        properties.requireRange(from, to);
        requireComplete(to);
        return withSelection(new JobParametersBuilder()
                .addString("from", from.toString())
                .addString("to", to.toString())
                .addLong(PartitionJobConfiguration.REQUESTED_AT, clock.millis()), select)
                .toJobParameters();
    }

    /** A selection is checked before anything runs (an unknown asset is a 400), and names the job instance. */
    private JobParametersBuilder withSelection(JobParametersBuilder parameters, String select) {
        if (select == null || select.isBlank()) {
            return parameters;
        }
        graph.select(select);
        return parameters.addString(PartitionJobConfiguration.SELECT, select.trim());
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
