package dev.sfbackup.salesforce;

/** The access token expired or was revoked (401 INVALID_SESSION_ID); the connection fetches one new token and retries once. */
public class InvalidSessionException extends SalesforceException {

    public static final String ERROR_CODE = "INVALID_SESSION_ID";

    public InvalidSessionException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, false);
    }
}
