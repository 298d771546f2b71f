package org.rainbow.pipeline.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What is materialized, what failed its checks and what is out of sync, per partition. */
@Service
public class AssetStatus {

    private final AssetStatusRepository repository;

    AssetStatus(AssetStatusRepository repository) {
        this.repository = repository;
    }

    public List<PartitionStatus> between(LocalDate from, LocalDate to) {
        Map<LocalDate, List<Materialization>> byDay = repository.partitions(from, to).stream()
                .collect(Collectors.groupingBy(Materialization::partition, java.util.TreeMap::new, Collectors.toList()));
        List<PartitionStatus> partitions = new ArrayList<>();
        byDay.forEach((day, materializations) -> {
            Map<String, Materialization> byAsset = materializations.stream()
                    .collect(Collectors.toMap(Materialization::asset, Function.identity()));
            List<AssetView> assets = new ArrayList<>();
            for (String asset : AssetGraph.assets()) {
                Materialization m = byAsset.get(asset);
                if (m != null) {
                    assets.add(new AssetView(m, outOfSync(m, byAsset)));
                }
            }
            partitions.add(new PartitionStatus(day, assets));
        });
        return partitions;
    }

    /** Out of sync: an upstream asset of the same partition was materialized after this one. */
    private static boolean outOfSync(Materialization m, Map<String, Materialization> byAsset) {
        return AssetGraph.upstreamOf(m.asset()).stream()
                .map(byAsset::get)
                .anyMatch(up -> up != null && up.materializedAt().isAfter(m.materializedAt()));
    }

    public record PartitionStatus(LocalDate partition, List<AssetView> assets) {
    }

    public record AssetView(Materialization materialization, boolean outOfSync) {
    }
}
