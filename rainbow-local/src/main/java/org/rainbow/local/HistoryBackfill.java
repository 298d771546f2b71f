package org.rainbow.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * Once the generator has written its history, backfills the batch layer over the days not exported yet
 * (all of them on a first start, the days the stack was down on a later one); the schedule does the rest.
 */
final class HistoryBackfill implements Runnable {

    private final PipelineClient pipeline;
    private final String apiUrl;
    private final LocalDate first;
    private final LocalDate last;

    HistoryBackfill(PipelineClient pipeline, String apiUrl, LocalDate first, LocalDate last) {
        this.pipeline = pipeline;
        this.apiUrl = apiUrl;
        this.first = first;
        this.last = last;
    }

    @Override
    public void run() {
        try {
            awaitHistory();
            Instant watermark = Instant.parse(pipeline.assets(first, last).get("watermark").asString());
            LocalDate exportedUntil = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
            LocalDate from = exportedUntil.isAfter(first) ? exportedUntil : first;
            if (from.isAfter(last)) {
                System.out.println("Batch layer is up to date (watermark " + watermark + ").");
                return;
            }
            System.out.println("Backfilling the batch layer from " + from + " to " + last + " ...");
            JsonNode started = pipeline.startBackfill(from, last);
            JsonNode done = pipeline.followBackfill(started.get("executionId").asLong());
            System.out.println("Backfill " + done.get("status").asString() + ": " + done.get("completed").asLong()
                    + " of " + done.get("days").asLong() + " days. ./rainbow status shows every asset.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("History backfill did not run: " + e.getMessage());
        }
    }

    private void awaitHistory() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = pipeline.get(apiUrl + "/api/v1/generator");
            if (status.get("history_complete").asBoolean() || status.get("phase").asString().equals("OFF")) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the generator did not finish its history within an hour");
    }
}
