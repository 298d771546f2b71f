package org.rainbow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.rainbow.engines.postgres.ServiceRole;

/**
 * The passwords of the services' own PostgreSQL logins, made on the first start and kept in
 * {@code <state>/secrets.properties}, readable by its owner only. The services get them in their environment.
 */
final class LocalSecrets {

    private final Properties passwords;

    private LocalSecrets(Properties passwords) {
        this.passwords = passwords;
    }

    static LocalSecrets load(Path stateDirectory) {
        Path file = stateDirectory.resolve("secrets.properties");
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    passwords.load(in);
                }
            }
            boolean added = false;
            for (ServiceRole role : ServiceRole.values()) {
                if (passwords.getProperty(role.roleName()) == null) {
                    byte[] secret = new byte[24];
                    new SecureRandom().nextBytes(secret);
                    passwords.setProperty(role.roleName(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                    added = true;
                }
            }
            if (added) {
                Path draft = Files.createTempFile(stateDirectory, "secrets", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer out = Files.newBufferedWriter(draft)) {
                    passwords.store(out, "PostgreSQL passwords of the services' logins (the admin login is rainbow/rainbow)");
                }
                Files.move(draft, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new LocalSecrets(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the local passwords in " + file, e);
        }
    }

    String password(ServiceRole role) {
        return passwords.getProperty(role.roleName());
    }
}
