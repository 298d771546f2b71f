package org.rainbow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator commands' view of batch-pipeline's HTTP API (and of the generator's progress). */
final class PipelineClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String pipelineUrl;
    private final String token;

    /** {@code token} authorizes the operator routes (runs, backfills); null sends none. */
    PipelineClient(String pipelineUrl, String token) {
        this.pipelineUrl = pipelineUrl;
        this.token = token;
    }

    JsonNode runPartition(LocalDate day) {
        return send("POST", pipelineUrl + "/api/v1/partitions/" + day + "/runs", Duration.ofHours(2));
    }

    JsonNode startBackfill(LocalDate from, LocalDate to) {
        return send("POST", pipelineUrl + "/api/v1/backfills?from=" + from + "&to=" + to, Duration.ofMinutes(1));
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
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new IllegalStateException(method + " " + url + " needs the stack's token: run this from the "
                        + "checkout of the running ./rainbow up (it reads .rainbow/api-token), pass --state=DIR, "
                        + "or set RAINBOW_API_TOKEN");
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " is not reachable (is ./rainbow up running?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
