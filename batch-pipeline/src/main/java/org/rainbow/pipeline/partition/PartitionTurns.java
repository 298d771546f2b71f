package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Puts the warehouse work of partitions that run at the same time in date order. A day's facts resolve
 * against dimension versions that earlier days load, so in a parallel backfill a day may extract at once
 * but loads and builds only after every earlier running day has finished (or failed).
 */
@Component
public class PartitionTurns implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionTurns.class);

    /** Running partitions, counted: a day may run twice at once (a backfill and a manual run). */
    private final TreeMap<LocalDate, Integer> running = new TreeMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        enter(dayOf(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        leave(dayOf(execution));
    }

    synchronized void enter(LocalDate day) {
        running.merge(day, 1, Integer::sum);
    }

    synchronized void leave(LocalDate day) {
        running.computeIfPresent(day, (d, n) -> n == 1 ? null : n - 1);
        notifyAll();
    }

    /** Blocks while a partition of an earlier day is still running. */
    public synchronized void awaitTurn(LocalDate day) {
        boolean logged = false;
        while (!running.headMap(day, false).isEmpty()) {
            if (!logged) {
                log.info("partition {} waits for the earlier partition(s) {} to finish in the warehouse", day,
                        running.headMap(day, false).keySet());
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

    private static LocalDate dayOf(JobExecution execution) {
        return LocalDate.parse(execution.getJobParameters().getString(PartitionJobConfiguration.PARTITION_DATE));
    }
}
