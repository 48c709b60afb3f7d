package dev.sfbackup.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers with recorded Salesforce responses (resources under {@code recorded/}).
 * Routes are "METHOD /path" or "METHOD /path?query"; a route's replies are served in order, the last one repeats.
 * The token endpoint answers with the recorded token response whose instance_url points back here.
 */
final class RecordedOrg implements AutoCloseable {

    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @FunctionalInterface
    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    record Reply(int status, Map<String, String> headers, BodyWriter body) {

        static Reply json(int status, String resource, String... headerPairs) {
            return of(status, "application/json", resource, headerPairs);
        }

        static Reply csv(String resource, String... headerPairs) {
            return of(200, "text/csv", resource, headerPairs);
        }

        static Reply noContent() {
            return new Reply(204, Map.of(), out -> { });
        }

        static Reply of(int status, String contentType, String resource, String... headerPairs) {
            byte[] bytes = RecordedOrg.resource(resource);
            return new Reply(status, headers(contentType, headerPairs), out -> out.write(bytes));
        }

        static Reply streamed(String contentType, BodyWriter writer, String... headerPairs) {
            return new Reply(200, headers(contentType, headerPairs), writer);
        }

        private static Map<String, String> headers(String contentType, String... pairs) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("Content-Type", contentType);
            for (int i = 0; i < pairs.length; i += 2) {
                headers.put(pairs[i], pairs[i + 1]);
            }
            return headers;
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    RecordedOrg() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        on("POST /services/oauth2/token", tokenReply());
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    RecordedOrg on(String route, Reply... replies) {
        routes.put(route, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    Reply tokenReply() {
        return new Reply(200, Map.of("Content-Type", "application/json"), out -> out.write(
                new String(resource("oauth/token-response.json"), StandardCharsets.UTF_8)
                        .replace("${instanceUrl}", baseUri().toString()).getBytes(StandardCharsets.UTF_8)));
    }

    List<Received> received() {
        return received;
    }

    List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith(pathPrefix)).toList();
    }

    SalesforceConnection connect(ConnectionOptions options) {
        var http = SalesforceConnection.defaultHttpClient();
        return SalesforceConnection.create(http,
                OAuthTokenSource.clientCredentials(http, baseUri(), "demo-client", "demo-secret"), options);
    }

    /** Options for tests: no waiting between polls, quick retries. */
    static ConnectionOptions fastOptions() {
        return ConnectionOptions.defaults()
                .withRetryPolicy(new RetryPolicy(3, java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(20), 2.0))
                .withBulk(0, java.time.Duration.ofMillis(5), java.time.Duration.ofSeconds(30));
    }

    static byte[] resource(String name) {
        try (InputStream in = RecordedOrg.class.getResourceAsStream("/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource recorded/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = next(exchange.getRequestMethod() + " " + pathAndQuery);
        if (reply == null) {
            reply = next(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        }
        if (reply == null) {
            reply = Reply.json(404, "errors/not-found.json");
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : 0);
            reply.body().write(out);
        }
    }

    private Reply next(String route) {
        Deque<Reply> replies = routes.get(route);
        if (replies == null) {
            return null;
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.pollFirst() : replies.peekFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
