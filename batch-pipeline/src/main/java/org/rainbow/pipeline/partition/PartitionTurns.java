package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Puts the warehouse work of partitions that run at the same time in date order. A day's facts resolve against
 * the dimension versions that earlier days load, and a model build reads every raw row loaded so far; so the raw
 * tables must only ever hold an unbroken run of the running days. A day therefore loads (and builds) once every
 * earlier running day has loaded, and exports once every earlier running day has finished (or failed), so the
 * watermarks of the exports only move forward. Extracts never wait.
 */
@Component
public class PartitionTurns implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionTurns.class);

    /**
     * Running partitions. A backfill announces a day when it queues it and the day's job announces itself when it
     * starts: both name the same run (the job inherits the backfill's parameters), so the run is counted once.
     */
    private final Map<Run, RunState> running = new HashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        enter(runOf(execution.getJobParameters()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        leave(runOf(execution.getJobParameters()));
    }

    synchronized void enter(Run run) {
        running.computeIfAbsent(run, r -> new RunState()).announcements++;
    }

    synchronized void leave(Run run) {
        RunState state = running.get(run);
        if (state != null && --state.announcements == 0) {
            running.remove(run);
        }
        notifyAll();
    }

    /** The run's raw tables are all loaded: later days may load and build. */
    synchronized void loaded(Run run) {
        RunState state = running.get(run);
        if (state != null) {
            state.loaded = true;
        }
        notifyAll();
    }

    /** Marks the run loaded when the step it listens to (a day's last load) completes. */
    StepExecutionListener loadedAfter() {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution step) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    loaded(runOf(step.getJobExecution().getJobParameters()));
                }
                return null;
            }
        };
    }

    /** Blocks while a partition of an earlier day has not loaded its raw tables yet. */
    public void awaitEarlierLoads(LocalDate day) {
        await(day, "load", state -> !state.loaded);
    }

    /** Blocks while a partition of an earlier day is still running. */
    public void awaitEarlierRuns(LocalDate day) {
        await(day, "finish", state -> true);
    }

    private synchronized void await(LocalDate day, String what, Predicate<RunState> blocking) {
        boolean logged = false;
        while (running.entrySet().stream().anyMatch(e -> e.getKey().day().isBefore(day) && blocking.test(e.getValue()))) {
            if (!logged) {
                log.info("partition {} waits for earlier partition(s) to {}", day, what);
                logged = true;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while partition " + day + " waited for its turn", e);
            }
        }
    }

    static Run runOf(JobParameters parameters) {
        return new Run(LocalDate.parse(Objects.requireNonNull(parameters.getString(PartitionJobConfiguration.PARTITION_DATE))),
                parameters.getLong(PartitionJobConfiguration.REQUESTED_AT));
    }

    /** One run of a day: the request (a backfill or a single partition run, by its time) it belongs to. */
    record Run(LocalDate day, Long requestedAt) {

        static Run of(LocalDate day, JobParameters request) {
            return new Run(day, request.getLong(PartitionJobConfiguration.REQUESTED_AT));
        }
    }

    private static final class RunState {
        private int announcements;
        private boolean loaded;
    }
}
