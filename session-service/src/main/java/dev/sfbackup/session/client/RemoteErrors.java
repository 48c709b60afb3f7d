package dev.sfbackup.session.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a REST client's error response into a permanent rejection (4xx), a request to come back later (503 with
 * Retry-After), or leaves it retryable (other 5xx).
 */
final class RemoteErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteErrors() {
    }

    static RuntimeException classify(String service, WebApplicationException error) {
        Response response = error.getResponse();
        int status = response == null ? 0 : response.getStatus();
        if (status >= 400 && status < 500) {
            String body = body(response);
            return new RemoteCallRejected(service, status, body, problemType(body));
        }
        if (status == 503) {
            Optional<Duration> retryAfter = retryAfter(response.getHeaderString("Retry-After"));
            if (retryAfter.isPresent()) {
                return new RemoteRetryLater(service, retryAfter.get(), body(response));
            }
        }
        return error;
    }

    /** Retry-After in its delay-seconds form; the HTTP-date form is not sent by our services. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem != null && problem.hasNonNull("type") ? problem.get("type").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "(no body)";
        } catch (RuntimeException unreadable) {
            return "(unreadable body)";
        }
    }
}
