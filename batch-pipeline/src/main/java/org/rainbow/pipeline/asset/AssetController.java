package org.rainbow.pipeline.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rainbow.pipeline.config.PipelineProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assets and their checks per partition, read by {@code ./rainbow status} and the console. */
@RestController
@RequestMapping("/api/v1/assets")
class AssetController {

    private final AssetStatus status;
    private final AssetGraph graph;
    private final PipelineProperties properties;

    AssetController(AssetStatus status, AssetGraph graph, PipelineProperties properties) {
        this.status = status;
        this.graph = graph;
        this.properties = properties;
    }

    /** The asset graph, the watermark, and every asset's state per partition in the range. */
    @GetMapping
    Assets assets(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        properties.requireRange(from, to);
        return new Assets(status.watermark(), graph.nodes(), status.between(from, to));
    }

    /** One asset over the range: its state per partition with its checks, its history, its compiled SQL. */
    @GetMapping("/{asset}")
    AssetStatus.AssetReport asset(@PathVariable String asset,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        properties.requireRange(from, to);
        return status.asset(asset, from, to);
    }

    record Assets(Instant watermark, List<AssetNode> graph, List<AssetStatus.PartitionStatus> partitions) {
    }
}
