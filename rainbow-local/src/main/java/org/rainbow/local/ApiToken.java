package org.rainbow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's bearer token for write and operator routes, in {@code <state>/api-token} (readable by its
 * owner only): made on the first start, kept across restarts so scripts and the CLI keep working.
 * {@code RAINBOW_API_TOKEN} overrides it for the operator commands.
 */
final class ApiToken {

    static final String FILE = "api-token";

    private ApiToken() {
    }

    static Path ensure(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path draft = Files.createTempFile(stateDirectory, FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
                Files.move(draft, file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the API token " + file, e);
        }
    }

    /** The token the operator commands send: {@code RAINBOW_API_TOKEN}, else the running stack's file, else none. */
    static String forCommands(Path stateDirectory) {
        String fromEnvironment = System.getenv("RAINBOW_API_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path file = stateDirectory.resolve(FILE);
        return Files.exists(file) ? read(file) : null;
    }

    static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
