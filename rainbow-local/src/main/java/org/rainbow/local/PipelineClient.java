package org.rainbow.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return runPartition(day, null);
    }

    /** Runs the day's partition, only the assets {@code select} names (dbt syntax) unless it is null. */
    JsonNode runPartition(LocalDate day, String select) {
        return send("POST", pipelineUrl + "/api/v1/partitions/" + day + "/runs" + selection("?", select),
                Duration.ofHours(2));
    }

    JsonNode startBackfill(LocalDate from, LocalDate to) {
        return startBackfill(from, to, null);
    }

    JsonNode startBackfill(LocalDate from, LocalDate to, String select) {
        return send("POST", pipelineUrl + "/api/v1/backfills?from=" + from + "&to=" + to + selection("&", select),
                Duration.ofMinutes(1));
    }

    /** Runs a failed run again: a backfill only its failed days. */
    JsonNode restart(long executionId) {
        return send("POST", pipelineUrl + "/api/v1/executions/" + executionId + "/restarts", Duration.ofHours(2));
    }

    JsonNode asset(String name, LocalDate from, LocalDate to) {
        return send("GET", pipelineUrl + "/api/v1/assets/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "?from=" + from + "&to=" + to, Duration.ofSeconds(30));
    }

    private static String selection(String separator, String select) {
        return select == null ? "" : separator + "select=" + URLEncoder.encode(select, StandardCharsets.UTF_8);
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
