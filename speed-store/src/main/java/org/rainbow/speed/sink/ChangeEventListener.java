package org.rainbow.speed.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.speed.topic.SpeedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the table topics in batches and writes them to the speed tables. The container commits a
 * batch's offsets only after this method returned, that is after the rows were written and the poison
 * messages parked in the dead-letter topic. A write that fails as a whole (store down) is thrown, and the
 * batch is redelivered until it succeeds; rows that fail on their own are dead-lettered.
 */
@Component
public class ChangeEventListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeEventListener.class);

    private final ChangeEventParser parser;
    private final SpeedTableWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final SpeedTopics topics;
    private final Counter written;

    public ChangeEventListener(ChangeEventParser parser, SpeedTableWriter writer, DeadLetterPublisher deadLetters,
                               SpeedTopics topics, MeterRegistry meters) {
        this.parser = parser;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.topics = topics;
        this.written = Counter.builder("rainbow.sink.written").description("change rows written to speed tables")
                .register(meters);
    }

    public String[] topics() {
        return topics.tableTopics();
    }

    @KafkaListener(id = "rainbow-speed-sink", idIsGroup = false, topics = "#{__listener.topics()}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, String>> records) {
        Map<CapturedTable, List<Parsed>> byTable = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ChangeRow row = parser.parse(record.topic(), record.value());
                byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(new Parsed(row, record));
            } catch (PoisonMessageException e) {
                deadLetters.publish(record, e.getMessage());
            }
        }
        byTable.forEach(this::write);
    }

    private void write(CapturedTable table, List<Parsed> parsed) {
        try {
            writer.write(table, parsed.stream().map(Parsed::row).toList());
            written.increment(parsed.size());
        } catch (RuntimeException batchFailure) {
            log.warn("writing {} rows of {} failed ({}); retrying row by row", parsed.size(), table.name(),
                    batchFailure.getMessage());
            List<Parsed> failed = new ArrayList<>();
            RuntimeException last = batchFailure;
            for (Parsed one : parsed) {
                try {
                    writer.write(table, List.of(one.row()));
                    written.increment();
                } catch (RuntimeException e) {
                    failed.add(one);
                    last = e;
                }
            }
            if (failed.size() == parsed.size()) {
                throw last; // nothing could be written: the store is at fault, not the rows
            }
            for (Parsed one : failed) {
                deadLetters.publish(one.record(), "write to " + table.name() + " failed");
            }
        }
    }

    private record Parsed(ChangeRow row, ConsumerRecord<String, String> record) {
    }
}
