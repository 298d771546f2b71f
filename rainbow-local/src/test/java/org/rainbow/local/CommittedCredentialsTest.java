package org.rainbow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No credential is committed: every file of the checkout is scanned for private keys and well-known token
 * formats, and every configuration file for a password, secret or token set to a literal. Allowed are references
 * (${VAR}, psql's :'var'), empty values, placeholders named as such ({@code change-me-*}) and the local stack's
 * documented admin login {@code rainbow}.
 */
class CommittedCredentialsTest {

    private static final List<Pattern> KNOWN_FORMATS = List.of(
            Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            Pattern.compile("\"private_key\"\\s*:\\s*\"-----BEGIN"));
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "(?i)([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key))[\"']?(\\s*[:=])(.*)");
    private static final Set<String> CONFIGURATION = Set.of("yml", "yaml", "properties", "env", "example", "sh",
            "conf", "json", "toml", "cfg", "ini");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".rainbow", "node_modules", ".idea",
            ".mvn");

    @Test
    void theCheckoutHoldsNoCredential() {
        List<String> findings = new ArrayList<>();
        for (Path file : files(checkoutRoot())) {
            String text = read(file);
            if (text != null) {
                findings.addAll(scan(checkoutRoot().relativize(file).toString(), text));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theScanCatchesWhatItIsFor() {
        assertThat(scan("application.yml", "spring:\n  datasource:\n    password: hunter2\n")).hasSize(1);
        assertThat(scan(".env", "POSTGRES_PASSWORD=s3cr3t-value\n")).hasSize(1);
        assertThat(scan("secret.yaml", "  api-token: 9f8a7b6c5d4e3f2a1b0c\n")).hasSize(1);
        // Split, so that this file does not hold what it looks for.
        assertThat(scan("Key.java", "String key = \"-----BEGIN RSA PRIVATE " + "KEY-----\";")).hasSize(1);
        assertThat(scan("Cloud.java", "String aws = \"AKIA" + "IOSFODNN7EXAMPLE\";")).hasSize(1);

        assertThat(scan("docker-compose.yml", "      SPRING_DATASOURCE_PASSWORD: ${RAINBOW_API_DB_PASSWORD:?set in .env}\n"))
                .isEmpty();
        assertThat(scan("secret.yaml", "  postgres-password: change-me-postgres\n")).isEmpty();
        assertThat(scan("init-roles.sh", "CREATE ROLE rainbow_api LOGIN PASSWORD :'api_password';\n")).isEmpty();
        assertThat(scan("init-roles.sh", ": \"${API_DB_PASSWORD:?API_DB_PASSWORD is not set}\"\n")).isEmpty();
        assertThat(scan("application.yml", "    password: \"\"\n    username: rainbow\n")).isEmpty();
        assertThat(scan("LocalStack.java", "String password = \"hunter2\";")).as("code is scanned for key formats only")
                .isEmpty();
    }

    static List<String> scan(String name, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean configuration = isConfiguration(name);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern format : KNOWN_FORMATS) {
                if (format.matcher(line).find()) {
                    findings.add(name + ":" + (i + 1) + " looks like a key or token: " + line.strip());
                }
            }
            if (!configuration || line.stripLeading().startsWith("#") || line.stripLeading().startsWith("--")) {
                continue;
            }
            Matcher setting = SECRET_SETTING.matcher(line);
            if (setting.find()) {
                int key = setting.start(1);
                boolean reference = key > 0 && "{$".indexOf(line.charAt(key - 1)) >= 0; // ${NAME_PASSWORD:...}
                if (!reference && !allowed(setting.group(3))) {
                    findings.add(name + ":" + (i + 1) + " sets " + setting.group(1) + " to a literal: " + line.strip());
                }
            }
        }
        return findings;
    }

    /** A reference, an empty value, a placeholder named as such, or the local stack's documented admin password. */
    private static boolean allowed(String rawValue) {
        if (rawValue.startsWith("'") || rawValue.startsWith("\"")) {
            // psql's :'name' (the colon was the separator) or a quoted value
            String quoted = rawValue.replaceFirst("^(['\"])(.*?)\\1.*$", "$2");
            if (quoted.equals(rawValue)) {
                return false;
            }
            rawValue = quoted.isEmpty() ? "" : quoted;
            if (rawValue.matches("[a-z_]+")) {
                return true;
            }
        }
        String value = rawValue.strip().replaceFirst("\\s+#.*$", "").replaceAll("^[\"']|[\"';,]+$", "");
        return value.isEmpty() || value.startsWith("$") || value.startsWith("{") || value.startsWith("|")
                || value.startsWith(">") || value.startsWith("change-me") || value.equals("rainbow")
                || value.equals("null") || value.equals("~");
    }

    private static boolean isConfiguration(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return file.equals("Dockerfile") || file.startsWith(".env") || (dot >= 0
                && CONFIGURATION.contains(file.substring(dot + 1)));
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().split("/").length > 0)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(p -> {
                        try {
                            return Files.size(p) < 2_000_000;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or null for a binary file. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path checkoutRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
