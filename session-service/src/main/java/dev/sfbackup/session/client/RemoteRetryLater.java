package dev.sfbackup.session.client;

import java.time.Duration;

/** Another service cannot serve the request yet and said when to try again (503 with Retry-After). */
public class RemoteRetryLater extends RuntimeException {

    private final Duration retryAfter;

    public RemoteRetryLater(String service, Duration retryAfter, String detail) {
        super(service + " asks to retry in " + retryAfter.toSeconds() + " s: " + detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
