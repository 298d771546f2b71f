package org.rainbow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem bodies, keeping the {@code WWW-Authenticate: Bearer ...} header that Spring
 * Security's bearer-token handlers set (RFC 6750).
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure);
            boolean presented = request.getHeader("Authorization") != null;
            write(request, response, HttpStatus.UNAUTHORIZED, presented
                    ? "the credentials are not valid: " + failure.getMessage()
                    : "this route needs credentials: send 'Authorization: Bearer <token>'");
        };
    }

    static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            bearer.handle(request, response, denied);
            write(request, response, HttpStatus.FORBIDDEN, "the credentials do not allow this route");
        };
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
