package dev.sfbackup.emulator.service;

/** A refused token request, rendered as {@code {"error":…,"error_description":…}}. */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
