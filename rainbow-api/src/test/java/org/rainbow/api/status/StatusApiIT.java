package org.rainbow.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rainbow.api.ApiIT;
import tools.jackson.databind.JsonNode;

class StatusApiIT extends ApiIT {

    @Test
    void pingAndRootAnswer() {
        Response ping = get("/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");

        JsonNode root = get("/").ok();
        assertThat(root.get("service").asString()).isEqualTo("rainbow-api");
        assertThat(root.get("version").asString()).isNotBlank();
        assertThat(root.get("uptime_seconds").asLong()).isNotNegative();
    }

    @Test
    void openApiDocumentDescribesTheContractRoutes() {
        JsonNode paths = get("/v3/api-docs").ok().get("paths");
        assertThat(paths.has("/api/v1/orders")).isTrue();
        assertThat(paths.has("/api/v1/orders/{id}")).isTrue();
        assertThat(paths.has("/api/v1/customers/{id}")).isTrue();
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusMetricsAreExposed() {
        assertThat(get("/actuator/health").ok().get("status").asString()).isEqualTo("UP");
        Response metrics = get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests", "hikaricp_connections");
    }

    @Test
    void unknownRouteIsA404Problem() {
        get("/api/v1/nothing-here").problem(404);
    }
}
