package org.rainbow.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * Once the generator has written its history, backfills the batch layer over the days not exported yet
 * (all of them on a first start, the days the stack was down on a later one); the schedule does the rest.
 * It follows a backfill already running (one the pipeline resumed after a crash) instead of starting another,
 * and rides out a restart of the pipeline.
 */
final class HistoryBackfill implements Runnable {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

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
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (true) {
                try {
                    if (backfillUntilDone()) {
                        return;
                    }
                } catch (IllegalStateException unreachable) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw unreachable;
                    }
                }
                Thread.sleep(5000); // the pipeline is restarting, or resuming an interrupted backfill
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("History backfill did not run: " + e.getMessage());
        }
    }

    /** True once nothing is left to do (or a backfill failed on its own), false to look again shortly. */
    private boolean backfillUntilDone() throws InterruptedException {
        Instant watermark = Instant.parse(pipeline.assets(first, last).get("watermark").asString());
        LocalDate exportedUntil = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
        LocalDate from = exportedUntil.isAfter(first) ? exportedUntil : first;
        if (from.isAfter(last)) {
            System.out.println("Batch layer is up to date (watermark " + watermark + ").");
            return true;
        }
        JsonNode running = pipeline.runningBackfills();
        long execution;
        if (running.isEmpty()) {
            System.out.println("Backfilling the batch layer from " + from + " to " + last + " ...");
            execution = pipeline.startBackfill(from, last).get("executionId").asLong();
        } else {
            execution = running.get(0).get("executionId").asLong();
            System.out.println("Following the running backfill (execution " + execution + ") ...");
        }
        JsonNode done = pipeline.followBackfill(execution);
        System.out.println("Backfill " + done.get("status").asString() + ": " + done.get("completed").asLong()
                + " of " + done.get("days").asLong() + " days. ./rainbow status shows every asset.");
        if (done.get("status").asString().equals("COMPLETED")) {
            return true;
        }
        Thread.sleep(10_000);
        return pipeline.runningBackfills().isEmpty(); // a crashed pipeline resumes it: follow that one
    }

    private void awaitHistory() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode status = pipeline.get(apiUrl + "/api/v1/generator");
                if (status.get("history_complete").asBoolean() || status.get("phase").asString().equals("OFF")) {
                    return;
                }
            } catch (IllegalStateException restarting) {
                // the API is restarting
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the generator did not finish its history within an hour");
    }
}
