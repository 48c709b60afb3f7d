package dev.sfbackup.policy.client;

/** A start request reached session-service, or may have, but no answer came back: never retried, reported as 503. */
public class RunStartUncertainException extends SessionServiceUnavailableException {

    public RunStartUncertainException(String message, Throwable cause) {
        super(message, cause);
    }
}
