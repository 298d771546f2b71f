package org.rainbow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Accepts exactly one bearer token, compared in constant time: the local stack's operator token. It plugs into
 * Spring Security's bearer-token handling as an opaque-token introspector, so the token is read, rejected and
 * answered exactly as a production JWT would be.
 */
final class StaticTokenIntrospector implements OpaqueTokenIntrospector {

    static final String PRINCIPAL = "rainbow-operator";

    private final byte[] expected;

    StaticTokenIntrospector(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            throw new BadOpaqueTokenException("the bearer token is not valid");
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal(PRINCIPAL, Map.of("sub", PRINCIPAL),
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
    }
}
