package org.rainbow.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rainbow.security.ServiceSecurityAutoConfiguration;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;

/**
 * A Rainbow service started inside a benchmark's JVM as it runs from its own jar. The benchmarks' jar holds every
 * service and so every service's libraries and application.yml; two settings undo that: the service reads its own
 * application.yml (the one beside its application class: {@code classpath:application.yml} is whichever comes
 * first), and the auto-configurations that only the other services' libraries bring are left out. Without them
 * serving-api reads rainbow-api's datasource settings and runs its migrations at start-up.
 * What still differs from the service's own jar is inert (e.g. AspectJ-style proxies, build info, converters
 * registered but never chosen), as the condition reports of both show ({@code --debug}).
 */
public final class InProcessService {

    /** Libraries that one service has and another does not, by the auto-configurations they bring. */
    public enum Foreign {
        /** A JDBC DataSource, and with it JPA, Flyway and Spring Batch's job repository (rainbow-api, batch-pipeline). */
        DATABASE(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class, DataWebAutoConfiguration.class,
                DataRepositoryMetricsAutoConfiguration.class),
        /** Spring Batch (batch-pipeline). */
        BATCH(BatchAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class,
                BatchObservationAutoConfiguration.class, BatchJdbcAutoConfiguration.class),
        /** Spring Security with the services' bearer token (rainbow-api, batch-pipeline). */
        SECURITY(ServiceSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
                ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                OAuth2ResourceServerAutoConfiguration.class),
        /** Spring for Apache Kafka (stream-bridge, serving-api). */
        KAFKA(KafkaAutoConfiguration.class, KafkaMetricsAutoConfiguration.class),
        /** The OpenAPI document and Swagger UI (rainbow-api, serving-api). */
        OPENAPI(SpringDocConfiguration.class, SpringDocWebMvcConfiguration.class, SwaggerConfig.class);

        private final List<Class<?>> autoConfigurations;

        Foreign(Class<?>... autoConfigurations) {
            this.autoConfigurations = List.of(autoConfigurations);
        }
    }

    private InProcessService() {
    }

    /**
     * A builder of {@code application} that reads the service's own application.yml and leaves out what
     * {@code foreign} brings; settings given as command-line arguments to {@code run} outrank both.
     */
    public static SpringApplicationBuilder builder(Class<?> application, Set<Foreign> foreign) {
        // Its start-up lines would name the benchmarks' main class, not the service.
        return new SpringApplicationBuilder(application).logStartupInfo(false).properties(Map.of(
                "spring.config.location", ownConfiguration(application).toString(),
                "spring.autoconfigure.exclude", foreign.stream().flatMap(f -> f.autoConfigurations.stream())
                        .map(Class::getName).collect(Collectors.joining(","))));
    }

    /** The application.yml in the jar (or classes directory) that holds {@code application}. */
    static URL ownConfiguration(Class<?> application) {
        String home = application.getProtectionDomain().getCodeSource().getLocation().getPath();
        try {
            List<URL> own = Collections.list(application.getClassLoader().getResources("application.yml")).stream()
                    .filter(url -> url.toString().contains(home)).toList();
            if (own.size() != 1) {
                throw new IllegalStateException("expected one application.yml in " + home + ", found " + own);
            }
            return own.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
