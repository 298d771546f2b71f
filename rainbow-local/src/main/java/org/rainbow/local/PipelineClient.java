package org.rainbow.local;

import java.time.Duration;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/** The operator commands' view of batch-pipeline's HTTP API (and of the generator's progress). */
final class PipelineClient {

    private final JsonHttp http;
    private final String pipelineUrl;

    /** {@code token} authorizes the operator routes (runs, backfills); null sends none. */
    PipelineClient(String pipelineUrl, String token) {
        this.pipelineUrl = pipelineUrl;
        this.http = new JsonHttp(token);
    }

    JsonNode runPartition(LocalDate day) {
        return send("POST", pipelineUrl + "/api/v1/partitions/" + day + "/runs", Duration.ofHours(2));
    }

    JsonNode startBackfill(LocalDate from, LocalDate to) {
        return send("POST", pipelineUrl + "/api/v1/backfills?from=" + from + "&to=" + to, Duration.ofMinutes(1));
    }

    /** The backfills running now, newest first. */
    JsonNode runningBackfills() {
        return send("GET", pipelineUrl + "/api/v1/backfills", Duration.ofSeconds(30));
    }

    JsonNode backfill(long executionId) {
        return send("GET", pipelineUrl + "/api/v1/backfills/" + executionId, Duration.ofSeconds(30));
    }

    JsonNode assets(LocalDate from, LocalDate to) {
        return send("GET", pipelineUrl + "/api/v1/assets?from=" + from + "&to=" + to, Duration.ofSeconds(30));
    }

    JsonNode get(String url) {
        return send("GET", url, Duration.ofSeconds(10));
    }

    /**
     * Follows a backfill to its end, drawing a progress bar; returns its final state.
     */
    JsonNode followBackfill(long executionId) throws InterruptedException {
        JsonNode progress = backfill(executionId);
        JsonNode shown = null;
        while (progress.get("status").asString().matches("STARTING|STARTED|STOPPING")) {
            if (!progress.equals(shown)) {
                printBar(progress);
                shown = progress;
            }
            Thread.sleep(1000);
            progress = backfill(executionId);
        }
        printBar(progress);
        System.out.println();
        return progress;
    }

    private static void printBar(JsonNode progress) {
        long days = progress.get("days").asLong();
        long done = progress.get("completed").asLong();
        int width = 30;
        int filled = days == 0 ? width : (int) (width * done / days);
        System.out.printf("\r  backfill [%s%s] %d/%d days, %d failed, %s   ", "#".repeat(filled),
                ".".repeat(width - filled), done, days, progress.get("failed").asLong(), progress.get("status").asString());
        System.out.flush();
    }

    private JsonNode send(String method, String url, Duration timeout) {
        return http.send(method, url, timeout);
    }
}
