package org.rainbow.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running launcher's control API on loopback, for {@code ./rainbow ps | stop | start | restart}:
 * {@code GET /api/v1/services}, {@code POST /api/v1/services/{name}/(stop|start|restart)}. Every request needs the
 * stack's bearer token.
 */
final class ControlServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACTION = Pattern.compile("/api/v1/services/([a-z0-9-]+)/(stop|start|restart)");

    private final HttpServer server;
    private final Supervisor supervisor;
    private final byte[] authorization;

    private ControlServer(HttpServer server, Supervisor supervisor, String token) {
        this.server = server;
        this.supervisor = supervisor;
        this.authorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    static ControlServer start(int port, Supervisor supervisor, String token) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            ControlServer control = new ControlServer(http, supervisor, token);
            http.createContext("/api/v1/services", control::handle);
            http.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "rainbow-control");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("the control API could not listen on 127.0.0.1:" + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(authorization, presented.getBytes(StandardCharsets.UTF_8))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                respond(exchange, 401, problem(401, "send the stack's token: Authorization: Bearer <.rainbow/api-token>"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/api/v1/services")) {
                respond(exchange, 200, supervisor.statuses());
                return;
            }
            Matcher action = ACTION.matcher(path);
            if (method.equals("POST") && action.matches()) {
                String name = action.group(1);
                if (supervisor.find(name).isEmpty()) {
                    respond(exchange, 404, problem(404, "no service " + name));
                    return;
                }
                switch (action.group(2)) {
                    case "stop" -> supervisor.stop(name);
                    case "start" -> supervisor.start(name);
                    default -> supervisor.restart(name);
                }
                respond(exchange, 202, supervisor.statuses().stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow());
                return;
            }
            respond(exchange, 404, problem(404, "no route " + method + " " + path));
        }
    }

    private static Map<String, Object> problem(int status, String detail) {
        return Map.of("type", "about:blank", "status", status, "detail", detail);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
