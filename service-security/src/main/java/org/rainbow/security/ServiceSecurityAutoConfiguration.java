package org.rainbow.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Secures a Rainbow service that has this module on its classpath: every write (POST, PUT, PATCH, DELETE)
 * needs a bearer token, reads are open unless {@code rainbow.security.open-reads=false}, health and Prometheus
 * always answer. Stateless: no session, no cookie, so no CSRF token either.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    /** The static token's check; in JWT mode Boot builds a {@link JwtDecoder} from its own properties instead. */
    @Bean
    @ConditionalOnProperty(name = "rainbow.security.mode", havingValue = "token", matchIfMissing = true)
    OpaqueTokenIntrospector staticTokenIntrospector(ServiceSecurityProperties properties) {
        return new StaticTokenIntrospector(properties.staticToken());
    }

    /**
     * No observation per security filter and request: they cost about 5% of the order API's CPU per request, and
     * {@code http.server.requests} already times every request (401s included).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings rainbowSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain rainbowSecurityFilterChain(HttpSecurity http, ServiceSecurityProperties properties,
                                                   ObjectProvider<OpaqueTokenIntrospector> staticToken,
                                                   ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        AuthenticationEntryPoint unauthorized = ProblemResponses.unauthorized();
        AccessDeniedHandler forbidden = ProblemResponses.forbidden();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                    "/actuator/info", "/actuator/prometheus", "/ping").permitAll();
                    if (properties.openReads()) {
                        requests.requestMatchers(HttpMethod.GET).permitAll()
                                .requestMatchers(HttpMethod.HEAD).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(server -> {
                    server.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden);
                    if (properties.mode() == ServiceSecurityProperties.Mode.JWT) {
                        JwtDecoder decoder = jwtDecoder.getIfAvailable();
                        if (decoder == null) {
                            throw new IllegalStateException("rainbow.security.mode=jwt needs "
                                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri)");
                        }
                        server.jwt(jwt -> jwt.decoder(decoder));
                    } else {
                        server.opaqueToken(opaque -> opaque.introspector(staticToken.getObject()));
                    }
                });
        return http.build();
    }
}
