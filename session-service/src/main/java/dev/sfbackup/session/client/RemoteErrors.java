package dev.sfbackup.session.client;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Turns a REST client's error response into a permanent rejection (4xx) or leaves it retryable (5xx). */
final class RemoteErrors {

    private RemoteErrors() {
    }

    static RuntimeException classify(String service, WebApplicationException error) {
        Response response = error.getResponse();
        int status = response == null ? 0 : response.getStatus();
        if (status >= 400 && status < 500) {
            return new RemoteCallRejected(service, status, body(response));
        }
        return error;
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "(no body)";
        } catch (RuntimeException unreadable) {
            return "(unreadable body)";
        }
    }
}
