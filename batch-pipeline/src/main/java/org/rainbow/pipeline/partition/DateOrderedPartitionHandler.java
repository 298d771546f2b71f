package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.FutureTask;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts a backfill's days oldest first, and announces each day to {@link PartitionTurns} when it is handed to
 * the executor, not when its thread gets going: a later day can then never reach the warehouse before an
 * earlier one that is still queued or starting.
 */
class DateOrderedPartitionHandler extends TaskExecutorPartitionHandler {

    private final PartitionTurns turns;

    DateOrderedPartitionHandler(PartitionTurns turns) {
        this.turns = turns;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> days) throws Exception {
        Set<StepExecution> oldestFirst = new LinkedHashSet<>();
        days.stream().sorted(Comparator.comparing(DateOrderedPartitionHandler::dayOf)).forEach(oldestFirst::add);
        return super.doHandle(manager, oldestFirst);
    }

    @Override
    protected FutureTask<StepExecution> createTask(Step step, StepExecution day) {
        PartitionTurns.Run turn = PartitionTurns.Run.of(dayOf(day), day.getJobExecution().getJobParameters());
        FutureTask<StepExecution> run = super.createTask(step, day);
        turns.enter(turn);
        return new FutureTask<>(() -> {
            try {
                run.run();
                return run.get();
            } finally {
                turns.leave(turn);
            }
        });
    }

    private static LocalDate dayOf(StepExecution day) {
        return LocalDate.parse(day.getExecutionContext().getString(PartitionJobConfiguration.PARTITION_DATE));
    }
}
