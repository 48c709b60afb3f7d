package dev.sfbackup.policy.client;

/** session-service could not be reached, timed out, answered 5xx, or does not offer the run API yet. */
public class SessionServiceUnavailableException extends RuntimeException {

    public SessionServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
