package dev.sfbackup.salesforce;

/** Salesforce is unavailable or answered 5xx (SERVER_UNAVAILABLE); transient, retried with backoff. */
public class ServerUnavailableException extends SalesforceException {

    public static final String ERROR_CODE = "SERVER_UNAVAILABLE";

    public ServerUnavailableException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, true);
    }
}
