package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** POSTs a form to {@code {loginUrl}/services/oauth2/token} and reads the documented token or error response. */
final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenUri;

    TokenEndpoint(HttpClient http, URI loginUrl) {
        this.http = http;
        String base = loginUrl.toString().replaceAll("/+$", "");
        this.tokenUri = URI.create(base + "/services/oauth2/token");
    }

    AccessToken post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransportException("POST " + tokenUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("POST " + tokenUri, new java.io.InterruptedIOException("interrupted"));
        }
        return read(response.statusCode(), response.body());
    }

    private static AccessToken read(int status, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status >= 500) {
            throw new ServerUnavailableException(status, "HTTP_" + status, "token endpoint unavailable");
        }
        if (status != 200 || json == null || !json.hasNonNull("access_token")) {
            String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : "HTTP_" + status;
            String description = json != null && json.hasNonNull("error_description")
                    ? json.get("error_description").asText() : "token request refused";
            throw new AuthenticationException(status, error, description);
        }
        return new AccessToken(
                json.get("access_token").asText(),
                URI.create(json.path("instance_url").asText()),
                json.path("token_type").asText("Bearer"),
                json.hasNonNull("issued_at") ? Instant.ofEpochMilli(Long.parseLong(json.get("issued_at").asText())) : Instant.now(),
                json.path("id").asText(null),
                json.path("signature").asText(null));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
