package org.rainbow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

class StaticTokenSecurityTest {

    static final String TOKEN = "local-operator-token-0123456789abcdef";

    @Nested
    @SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "rainbow.security.token=" + TOKEN)
    class OpenReads {

        @Value("${local.server.port}")
        int port;

        @Test
        void aWriteWithoutTheTokenIsA401ProblemThatNamesTheScheme() {
            HttpResponse<String> response = new SecurityClient(port).send("POST", "/api/v1/things", null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401").contains("Authorization: Bearer")
                    .contains("\"instance\":\"/api/v1/things\"");
        }

        @Test
        void aWrongTokenIsA401AndTheRightOneIsLetThrough() {
            SecurityClient client = new SecurityClient(port);

            HttpResponse<String> wrong = client.send("POST", "/api/v1/things", "Bearer " + TOKEN + "x");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).contains("invalid_token"));
            assertThat(wrong.body()).contains("not valid");
            assertThat(client.send("POST", "/api/v1/things", "Basic " + TOKEN).statusCode()).isEqualTo(401);

            HttpResponse<String> right = client.send("POST", "/api/v1/things", "Bearer " + TOKEN);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).isEqualTo("created");
        }

        @Test
        void readsAndHealthNeedNoToken() {
            SecurityClient client = new SecurityClient(port);
            assertThat(client.send("GET", "/api/v1/things", null).statusCode()).isEqualTo(200);
            assertThat(client.send("GET", "/api/v1/unknown", null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"rainbow.security.token=" + TOKEN, "rainbow.security.open-reads=false"})
    class ClosedReads {

        @Value("${local.server.port}")
        int port;

        @Test
        void readsNeedTheTokenToo() {
            SecurityClient client = new SecurityClient(port);
            assertThat(client.send("GET", "/api/v1/things", null).statusCode()).isEqualTo(401);
            assertThat(client.send("GET", "/api/v1/things", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }
}
