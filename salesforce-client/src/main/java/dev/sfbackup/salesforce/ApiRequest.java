package dev.sfbackup.salesforce;

import java.util.Map;

/**
 * One call to the org. {@code path} starts with {@code /} and is resolved against the token's instance URL
 * (a {@code nextRecordsUrl} is such a path).
 */
record ApiRequest(String method, String path, byte[] body, String contentType, Map<String, String> headers) {

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
