package org.rainbow.pipeline.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finishes what a killed pipeline left running. At start-up, every run the job repository still calls running
 * belonged to a process that is gone (the pipeline is the repository's only writer): each is marked failed, then
 * restarted in the background. A backfill restarts only its days that had not completed; a day re-runs its steps.
 */
@Component
class InterruptedRunRecovery {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRunRecovery.class);

    private final JobRepository repository;
    private final JobOperator operator;
    private final PartitionOperations operations;

    InterruptedRunRecovery(JobRepository repository, JobOperator operator, PartitionOperations operations) {
        this.repository = repository;
        this.operator = operator;
        this.operations = operations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns() {
        List<JobExecution> interrupted = new ArrayList<>();
        interrupted.addAll(repository.findRunningJobExecutions(PartitionJobConfiguration.BACKFILL_JOB));
        interrupted.addAll(repository.findRunningJobExecutions(PartitionJobConfiguration.DAILY_JOB));
        if (interrupted.isEmpty()) {
            return;
        }
        interrupted.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution execution : interrupted) {
            operator.recover(execution);
            log.warn("{} execution {} ({}) was interrupted by the end of an earlier process: marked failed",
                    execution.getJobInstance().getJobName(), execution.getId(), execution.getJobParameters());
        }
        // A backfill's days are its children: restarting the backfill restarts them, so they are not restarted alone.
        List<JobExecution> restarts = interrupted.stream().filter(e -> !isBackfillDay(e)).toList();
        Thread resume = new Thread(() -> restarts.forEach(this::restart), "interrupted-run-recovery");
        resume.setDaemon(true);
        resume.start();
    }

    private void restart(JobExecution failed) {
        try {
            JobExecution restarted = operations.restart(repository.getJobExecution(failed.getId()));
            log.info("restarted interrupted {} execution {} as {}: {}", failed.getJobInstance().getJobName(),
                    failed.getId(), restarted.getId(), restarted.getStatus());
        } catch (Exception e) {
            log.error("could not restart interrupted execution {}; POST /api/v1/executions/{}/restarts retries it",
                    failed.getId(), failed.getId(), e);
        }
    }

    private static boolean isBackfillDay(JobExecution execution) {
        return execution.getJobInstance().getJobName().equals(PartitionJobConfiguration.DAILY_JOB)
                && execution.getJobParameters().getString("from") != null;
    }
}
