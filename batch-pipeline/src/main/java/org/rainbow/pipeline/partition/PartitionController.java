package org.rainbow.pipeline.partition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' HTTP interface: runs and backfills, used by {@code ./rainbow} and the console. */
@RestController
@RequestMapping("/api/v1")
class PartitionController {

    private final PartitionOperations operations;
    private final PartitionAssets partitionAssets;
    private final RunHistory runs;

    PartitionController(PartitionOperations operations, PartitionAssets partitionAssets, RunHistory runs) {
        this.operations = operations;
        this.runs = runs;
        this.partitionAssets = partitionAssets;
    }

    /** Runs the day's partition to its end; {@code select} (dbt syntax) re-materializes only those assets. */
    @PostMapping("/partitions/{date}/runs")
    Map<String, Object> run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(required = false) String select) throws Exception {
        JobExecution execution = operations.runPartition(date, select);
        return Map.of("execution_id", execution.getId(), "partition", date.toString(),
                "status", execution.getStatus().name(), "exit", execution.getExitStatus().getExitDescription());
    }

    @PostMapping("/backfills")
    PartitionOperations.Progress backfill(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(required = false) String select) {
        return operations.progress(operations.execution(operations.backfillInBackground(from, to, select)));
    }

    @GetMapping("/backfills")
    List<PartitionOperations.Progress> runningBackfills() {
        return operations.runningBackfills();
    }

    @GetMapping("/backfills/{id}")
    PartitionOperations.Progress backfillProgress(@PathVariable long id) {
        return operations.progress(operations.execution(id));
    }

    @PostMapping("/executions/{id}/restarts")
    Map<String, Object> restart(@PathVariable long id) throws Exception {
        JobExecution execution = operations.restart(id);
        return Map.of("execution_id", execution.getId(), "status", execution.getStatus().name());
    }

    /** The newest runs (partitions and backfills, running or done) with their progress. */
    @GetMapping("/runs")
    List<RunHistory.Run> runs(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return runs.recent(limit);
    }

    /** One run's steps, and the assets and checks it recorded: its step log. */
    @GetMapping("/runs/{id}")
    RunHistory.RunLog run(@PathVariable long id) {
        return runs.log(id);
    }

    /** Rows and a row-by-row hash of every mart: equal before and after a re-run that changed nothing. */
    @GetMapping("/warehouse/fingerprint")
    Map<String, TableFingerprint> fingerprint() {
        return partitionAssets.fingerprintMarts();
    }
}
