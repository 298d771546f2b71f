package org.rainbow.bench.speed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.rainbow.engines.kafka.LocalKafka;

/** How far a capture has written the captured tables' topics, read from their end offsets. */
final class TopicProgress {

    /** When the first record was seen in the topics and when the last expected one was, in nanoTime. */
    record Span(long first, long last) {

        double perSecond(long records) {
            return records / ((last - first) / 1e9);
        }
    }

    private TopicProgress() {
    }

    /** Waits until the topics {@code <prefix>.public.<table>} hold {@code expected} records. */
    static Span await(LocalKafka kafka, String prefix, long expected, Duration timeout) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String table : SourceDatabase.CAPTURED) {
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(prefix + ".public." + table, partition), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = 0;
        long records = 0;
        try (Admin admin = kafka.admin()) {
            while (System.nanoTime() < deadline) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (latest.keySet().stream().allMatch(partition -> topics.contains(partition.topic()))) {
                    records = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                            .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
                }
                long now = System.nanoTime();
                if (records > 0 && first == 0) {
                    first = now;
                }
                if (records >= expected) {
                    return new Span(first, now);
                }
                // Asking more often would take CPU from what is measured, on two cores.
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the topics " + prefix + ".public.* held " + records + " of " + expected
                + " records after " + timeout);
    }
}
