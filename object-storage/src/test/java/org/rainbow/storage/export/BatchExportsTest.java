package org.rainbow.storage.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.storage.local.LocalObjectStorage;

class BatchExportsTest {

    @TempDir
    Path root;

    @Test
    void theLatestPublishedExportIsFoundWholeAndOlderOnesArePruned() throws IOException {
        LocalObjectStorage storage = new LocalObjectStorage(root.resolve("bucket"));
        BatchExports exports = new BatchExports(storage);
        assertThat(exports.latest()).isEmpty();
        Path parquet = Files.writeString(root.resolve("view.parquet"), "PAR1");

        for (String id : new String[] {"20261101T000000000Z", "20261102T000000000Z", "20261103T000000000Z"}) {
            String key = BatchExport.viewPrefix(id, "agg_daily_sales") + "part-00000.parquet";
            storage.put(key, parquet);
            exports.publish(new BatchExport(id, Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-03T00:05:00Z"),
                    LocalDate.of(2026, 11, 2), Map.of("agg_daily_sales", new BatchExport.View(List.of(key), 37))),
                    root.resolve("tmp"));
        }

        BatchExport latest = exports.latest().orElseThrow();
        assertThat(latest.exportId()).isEqualTo("20261103T000000000Z");
        assertThat(latest.watermark()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(latest.views().get("agg_daily_sales").rows()).isEqualTo(37);
        assertThat(Files.readString(root.resolve("bucket/views/latest.json"))).contains("\"export_id\"", "\"exported_at\"");

        assertThat(exports.prune(2)).isEqualTo(1);
        assertThat(storage.list("views/exports/")).containsExactly(
                "views/exports/20261102T000000000Z/agg_daily_sales/part-00000.parquet",
                "views/exports/20261103T000000000Z/agg_daily_sales/part-00000.parquet");
    }
}
