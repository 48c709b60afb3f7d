package dev.sfbackup.salesforce;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One call to the org. {@code path} starts with {@code /} and is resolved against the token's instance URL
 * (a {@code nextRecordsUrl} is such a path). A streamed body ({@code streamed}, instead of {@code body}) is made anew
 * for every attempt, since a stream can be sent only once. {@code timeout}, when set, replaces the connection's
 * request timeout (an upload's grows with its size).
 */
record ApiRequest(String method, String path, byte[] body, String contentType, Map<String, String> headers,
        Supplier<HttpRequest.BodyPublisher> streamed, Duration timeout) {

    ApiRequest(String method, String path, byte[] body, String contentType, Map<String, String> headers,
            Supplier<HttpRequest.BodyPublisher> streamed) {
        this(method, path, body, contentType, headers, streamed, null);
    }

    ApiRequest(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        this(method, path, body, contentType, headers, null);
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null, Map.of());
    }

    static ApiRequest get(String path, Map<String, String> headers) {
        return new ApiRequest("GET", path, null, null, headers);
    }

    static ApiRequest json(String method, String path, byte[] body) {
        return new ApiRequest(method, path, body, "application/json", Map.of());
    }
}
