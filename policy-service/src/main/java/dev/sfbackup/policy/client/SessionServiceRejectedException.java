package dev.sfbackup.policy.client;

/** session-service answered a 4xx other than 404 and 409: a permanent error, never retried. */
public class SessionServiceRejectedException extends RuntimeException {

    private final int status;

    public SessionServiceRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
