package org.rainbow.pipeline.partition;

import java.time.LocalDate;
import java.util.Set;

/** One run of a day's partition: the job execution {@code runId} and the assets it materializes. */
public record PartitionRun(LocalDate day, long runId, Set<String> selected) {

    public PartitionRun {
        selected = Set.copyOf(selected);
    }

    public boolean selects(String asset) {
        return selected.contains(asset);
    }
}
