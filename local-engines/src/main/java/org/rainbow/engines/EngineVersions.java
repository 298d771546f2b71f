package org.rainbow.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the embedded engines, as the build resolved them: what the local stack and every test run,
 * and so what compose and Kubernetes must deploy.
 *
 * @param postgres   the zonky binaries' version, e.g. {@code 17.11.0} for PostgreSQL 17.11
 * @param kafka      the Kafka release on the classpath, e.g. {@code 4.1.2}
 * @param clickhouse the chDB npm package, e.g. {@code 26.7.3-stable.1}, which embeds ClickHouse 26.7
 */
public record EngineVersions(String postgres, String kafka, String clickhouse) {

    public static EngineVersions current() {
        Properties versions = new Properties();
        try (InputStream in = EngineVersions.class.getResourceAsStream("engine-versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineVersions(versions.getProperty("postgres"), versions.getProperty("kafka"),
                versions.getProperty("clickhouse"));
    }

    /** PostgreSQL's {@code major.minor}, as its server reports it and as the {@code postgres} image is tagged. */
    public String postgresRelease() {
        return postgres.replaceFirst("^(\\d+\\.\\d+).*", "$1");
    }

    /** ClickHouse's {@code year.month} release, as {@code SELECT version()} begins and the server image is tagged. */
    public String clickhouseRelease() {
        return clickhouse.replaceFirst("^(\\d+\\.\\d+).*", "$1");
    }
}
