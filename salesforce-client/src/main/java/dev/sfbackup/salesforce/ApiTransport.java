package dev.sfbackup.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends authorised requests: maps error responses to typed exceptions, records {@code Sforce-Limit-Info},
 * answers each 401 INVALID_SESSION_ID with a new token and a retry (at most {@value #MAX_RENEWALS_IN_A_ROW} in a row, so a
 * session the org keeps rejecting fails instead of looping), retries transient errors with backoff.
 * Thread-safe.
 */
final class ApiTransport {

    /** Error bodies are small JSON arrays; anything bigger is cut, it only feeds a message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** Token renewals for one request whose every retry was answered INVALID_SESSION_ID. */
    static final int MAX_RENEWALS_IN_A_ROW = 3;

    private final HttpClient http;
    private final OAuthTokenSource tokens;
    private final ConnectionOptions options;
    private final ErrorResponseMapper errors;
    private final AtomicReference<ApiUsage> latestUsage = new AtomicReference<>();
    private final AtomicLong requestsSent = new AtomicLong();
    private AccessToken token;

    ApiTransport(HttpClient http, OAuthTokenSource tokens, ConnectionOptions options, ErrorResponseMapper errors) {
        this.http = http;
        this.tokens = tokens;
        this.options = options;
        this.errors = errors;
    }

    /** A 2xx response whose body the caller must close. */
    HttpResponse<InputStream> send(ApiRequest request) {
        return send(token -> request);
    }

    /**
     * Like {@link #send(ApiRequest)} for a request built from the token it is sent with (a SOAP call carries the
     * session id in its body, so a renewed token needs a new body).
     */
    HttpResponse<InputStream> send(java.util.function.Function<AccessToken, ApiRequest> requestFor) {
        int attempt = 1;
        int renewals = 0;
        while (true) {
            AccessToken used = null;
            try {
                used = currentToken();
                return sendOnce(requestFor.apply(used), used);
            } catch (InvalidSessionException expired) {
                if (renewals >= MAX_RENEWALS_IN_A_ROW || used == null) {
                    throw expired;
                }
                renewals++;
                discard(used);
            } catch (SalesforceException failure) {
                if (!failure.isTransient() || attempt >= options.retryPolicy().maxAttempts()) {
                    throw failure;
                }
                sleep(options.retryPolicy().backoffAfter(attempt));
                attempt++;
            }
        }
    }

    Optional<ApiUsage> latestUsage() {
        return Optional.ofNullable(latestUsage.get());
    }

    void recordUsage(ApiUsage usage) {
        latestUsage.set(usage);
        options.usageListener().accept(usage);
    }

    long requestsSent() {
        return requestsSent.get();
    }

    synchronized AccessToken currentToken() {
        if (token == null) {
            token = tokens.requestToken();
        }
        return token;
    }

    private synchronized void discard(AccessToken stale) {
        // another thread may already have replaced it; keep theirs
        if (token == stale) {
            token = null;
        }
    }

    private HttpResponse<InputStream> sendOnce(ApiRequest request, AccessToken auth) {
        HttpResponse<InputStream> response;
        try {
            requestsSent.incrementAndGet();
            response = http.send(build(request, auth), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransportException(request.method() + " " + request.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method() + " " + request.path(), new InterruptedIOException("interrupted"));
        }
        recordUsage(response);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw errors.map(status, readErrorBody(response));
    }

    private HttpRequest build(ApiRequest request, AccessToken auth) {
        URI uri = URI.create(auth.instanceUrl().toString().replaceAll("/+$", "") + request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(request.timeout() != null ? request.timeout() : options.requestTimeout())
                .header("Authorization", "Bearer " + auth.accessToken());
        request.headers().forEach(builder::header);
        if (request.headers().keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            builder.header("Accept", "application/json");
        }
        if (request.streamed() != null) {
            builder.header("Content-Type", request.contentType());
            builder.method(request.method(), request.streamed().get());
        } else if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private void recordUsage(HttpResponse<?> response) {
        response.headers().firstValue(ApiUsage.HEADER)
                .flatMap(value -> ApiUsage.parse(value, Instant.now()))
                .ifPresent(this::recordUsage);
    }

    private static byte[] readErrorBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("retry backoff", new InterruptedIOException("interrupted"));
        }
    }

    static Map<String, String> accept(String mediaType) {
        return Map.of("Accept", mediaType);
    }

    /** The response body, inflated when the server compressed it ({@code Content-Encoding: gzip}). */
    static InputStream decodedBody(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        return gzip ? new java.util.zip.GZIPInputStream(response.body(), 64 * 1024) : response.body();
    }
}
