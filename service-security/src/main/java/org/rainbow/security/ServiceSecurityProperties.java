package org.rainbow.security;

import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rainbow.security.*}: how callers of write and operator routes prove who they are.
 *
 * @param mode      {@code token}: one static bearer token (the local stack, compose); {@code jwt}: JWTs checked
 *                  by Spring's OAuth2 resource server against {@code spring.security.oauth2.resourceserver.jwt.*}
 * @param token     the static bearer token, at least {@value #MIN_TOKEN_LENGTH} characters
 * @param tokenFile a file holding the token instead (what {@code ./rainbow up} passes: no secret on a command line)
 * @param openReads whether GET routes answer without credentials (dashboards, analysts); writes never do
 */
@Validated
@ConfigurationProperties("rainbow.security")
public record ServiceSecurityProperties(
        @DefaultValue("token") @NotNull Mode mode,
        String token,
        Path tokenFile,
        @DefaultValue("true") boolean openReads) {

    static final int MIN_TOKEN_LENGTH = 24;

    public enum Mode { TOKEN, JWT }

    /** The static token from {@code token} or {@code token-file}; fails start-up when neither holds a usable one. */
    String staticToken() {
        String value = token;
        if ((value == null || value.isBlank()) && tokenFile != null) {
            try {
                value = Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("rainbow.security.token-file " + tokenFile + " cannot be read", e);
            }
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("rainbow.security.mode=token needs rainbow.security.token "
                    + "(RAINBOW_SECURITY_TOKEN) or rainbow.security.token-file");
        }
        if (value.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("rainbow.security.token is too short: at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. openssl rand -base64 32)");
        }
        return value;
    }
}
