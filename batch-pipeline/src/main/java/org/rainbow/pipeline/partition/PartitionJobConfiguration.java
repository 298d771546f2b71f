package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.config.PipelineProperties;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.storage.export.BatchViews;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobFlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.job.DefaultJobParametersExtractor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two jobs. {@code dailyPartition(partitionDate[, select])}: a step per extract and load (the extracts side by
 * side), one that builds the models with their checks, one that exports the batch views; with {@code select}
 * (dbt syntax over the asset graph, e.g. {@code dim_products+}) only the selected assets. Every step
 * re-materializes on restart (all are idempotent), so a restarted day is rebuilt whole from fresh data.
 * {@code backfill(from, to)}: one {@code dailyPartition} job per day, {@code grid-size} at a time; each day is
 * its own job instance, and restarting a failed backfill re-runs only the days that failed.
 */
@Configuration(proxyBeanMethods = false)
class PartitionJobConfiguration {

    static final String DAILY_JOB = "dailyPartition";
    static final String BACKFILL_JOB = "backfill";
    /** The step that builds the models (each an asset) and runs their data tests (each a check). */
    static final String BUILD_MODELS = "build_models";
    static final String PARTITION_DATE = "partitionDate";
    /** When an operator or the schedule asked for the run: tells two runs of the same days apart. */
    static final String REQUESTED_AT = "requestedAt";
    /** Optional: the assets to materialize, in dbt's selection syntax; absent, every asset. */
    static final String SELECT = "select";

    /** Every asset of a partition, from the SQL project's models and the tables the batch layer extracts. */
    @Bean
    AssetGraph assetGraph(ModelRunner models) {
        return new AssetGraph(models.graph(), RawTables.ALL, BatchViews.names());
    }

    @Bean
    Job dailyPartition(JobRepository jobs, PlatformTransactionManager transactions, PartitionAssets assets,
                       PartitionTurns turns, AssetGraph graph) {
        // The tables leave PostgreSQL side by side, one core each: every extract is its own COPY and its own
        // in-memory DuckDB, and on a big day the order lines' COPY alone takes as long as the other tables'.
        List<Flow> extracts = new ArrayList<>();
        for (String table : RawTables.ALL) {
            extracts.add(new FlowBuilder<SimpleFlow>("flow_" + AssetGraph.extract(table))
                    .start(step(new StepBuilder(AssetGraph.extract(table), jobs), transactions, graph, run -> assets.extract(table, run)))
                    .build());
        }
        SimpleAsyncTaskExecutor extractors = new SimpleAsyncTaskExecutor("extract-");
        extractors.setConcurrencyLimit(Runtime.getRuntime().availableProcessors());
        Flow extractAll = new FlowBuilder<SimpleFlow>("extract_all").split(extractors)
                .add(extracts.toArray(Flow[]::new)).build();
        JobFlowBuilder job = new JobBuilder(DAILY_JOB, jobs).listener(turns).start(extractAll);
        for (String table : RawTables.ALL) {
            StepBuilder load = new StepBuilder(AssetGraph.loadRaw(table), jobs);
            if (table.equals(RawTables.ALL.get(RawTables.ALL.size() - 1))) {
                load.listener(turns.loadedAfter());
            }
            job.next(step(load, transactions, graph, run -> assets.loadRaw(table, run)));
        }
        job.next(step(new StepBuilder(BUILD_MODELS, jobs), transactions, graph, assets::buildModels));
        job.next(step(new StepBuilder(AssetGraph.EXPORT_BATCH_VIEWS, jobs), transactions, graph, assets::exportBatchViews));
        return job.build().build();
    }

    @Bean
    Job backfill(JobRepository jobs, JobOperator operator, Job dailyPartition, Partitioner backfillDays,
                 PipelineProperties properties, PartitionTurns turns) {
        DefaultJobParametersExtractor parameters = new DefaultJobParametersExtractor();
        parameters.setKeys(new String[] {PARTITION_DATE});
        // The backfill's own parameters make each day's job instance belong to this backfill: a later
        // backfill over the same days runs them again, a restart of this one resumes its failed days.
        parameters.setUseAllParentParameters(true);
        Step day = new StepBuilder("backfill_day", jobs).job(dailyPartition).operator(operator)
                .parametersExtractor(parameters).build();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("backfill-");
        executor.setConcurrencyLimit(properties.effectiveGridSize());
        DateOrderedPartitionHandler handler = new DateOrderedPartitionHandler(turns);
        handler.setStep(day);
        handler.setTaskExecutor(executor);
        handler.setGridSize(properties.effectiveGridSize());
        Step days = new StepBuilder("backfill_days", jobs).partitioner("backfill_day", backfillDays)
                .partitionHandler(handler).build();
        return new JobBuilder(BACKFILL_JOB, jobs).start(days).build();
    }

    /** One execution context per day of the backfill's [from, to] range. */
    @Bean
    @StepScope
    Partitioner backfillDays(@Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to) {
        return gridSize -> {
            Map<String, ExecutionContext> days = new TreeMap<>();
            for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
                ExecutionContext context = new ExecutionContext();
                context.putString(PARTITION_DATE, d.toString());
                days.put("day-" + d, context);
            }
            return days;
        };
    }

    /** A step materializes the assets of its name that the run's selection names; the others it passes by. */
    private static Step step(StepBuilder step, PlatformTransactionManager transactions, AssetGraph graph,
                             Consumer<PartitionRun> work) {
        return step.tasklet((contribution, chunk) -> {
                    Map<String, Object> parameters = chunk.getStepContext().getJobParameters();
                    Object select = parameters.get(SELECT);
                    work.accept(new PartitionRun(LocalDate.parse(String.valueOf(parameters.get(PARTITION_DATE))),
                            chunk.getStepContext().getStepExecution().getJobExecutionId(),
                            graph.select(select == null ? null : select.toString())));
                    return RepeatStatus.FINISHED;
                }, transactions)
                .allowStartIfComplete(true)
                .build();
    }
}
