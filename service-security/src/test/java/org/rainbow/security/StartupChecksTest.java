package org.rainbow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A service refuses to start rather than run unguarded or with a guessable token. */
class StartupChecksTest {

    @Test
    void noTokenAtAllStopsTheStart() {
        assertThat(startFailure()).hasStackTraceContaining("rainbow.security.mode=token needs rainbow.security.token");
    }

    @Test
    void aShortTokenStopsTheStart() {
        assertThat(startFailure("--rainbow.security.token=secret")).hasStackTraceContaining("too short");
    }

    @Test
    void jwtModeWithoutAnIssuerStopsTheStart() {
        assertThat(startFailure("--rainbow.security.mode=jwt")).hasStackTraceContaining(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void theTokenCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("api-token"), StaticTokenSecurityTest.TOKEN + "\n");
        try (ConfigurableApplicationContext context = SpringApplication.run(SecuredApp.class, "--server.port=0",
                "--rainbow.security.token-file=" + file)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            SecurityClient client = new SecurityClient(port);
            assertThat(client.send("POST", "/api/v1/things", "Bearer " + StaticTokenSecurityTest.TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(client.send("POST", "/api/v1/things", null).statusCode()).isEqualTo(401);
        }
    }

    private static Throwable startFailure(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        try (ConfigurableApplicationContext ignored = SpringApplication.run(SecuredApp.class, all)) {
            throw new AssertionError("the service started");
        } catch (RuntimeException e) {
            return e;
        }
    }
}
