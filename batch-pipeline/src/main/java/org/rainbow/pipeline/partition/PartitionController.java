package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rainbow.pipeline.asset.AssetStatus;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' HTTP interface, used by {@code ./rainbow run-partition | backfill | status}. */
@RestController
@RequestMapping("/api/v1")
class PartitionController {

    private final PartitionOperations operations;
    private final AssetStatus assets;
    private final PartitionAssets partitionAssets;

    PartitionController(PartitionOperations operations, AssetStatus assets, PartitionAssets partitionAssets) {
        this.operations = operations;
        this.assets = assets;
        this.partitionAssets = partitionAssets;
    }

    @PostMapping("/partitions/{date}/runs")
    Map<String, Object> run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) throws Exception {
        JobExecution execution = operations.runPartition(date);
        return Map.of("execution_id", execution.getId(), "partition", date.toString(),
                "status", execution.getStatus().name(), "exit", execution.getExitStatus().getExitDescription());
    }

    @PostMapping("/backfills")
    PartitionOperations.Progress backfill(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return operations.progress(operations.execution(operations.backfillInBackground(from, to)));
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

    @GetMapping("/assets")
    Map<String, Object> status(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        operations.requireRange(from, to);
        List<AssetStatus.PartitionStatus> partitions = assets.between(from, to);
        return Map.of("watermark", partitionAssets.watermark().toString(), "partitions", partitions);
    }

    /** Rows and a row-by-row hash of every mart: equal before and after a re-run that changed nothing. */
    @GetMapping("/warehouse/fingerprint")
    Map<String, TableFingerprint> fingerprint() {
        return partitionAssets.fingerprintMarts();
    }
}
