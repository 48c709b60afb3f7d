package dev.sfbackup.salesforce;

/**
 * The access token expired or was revoked (401 INVALID_SESSION_ID); the connection fetches a new token and retries, at
 * most three times in a row.
 */
public class InvalidSessionException extends SalesforceException {

    public static final String ERROR_CODE = "INVALID_SESSION_ID";

    public InvalidSessionException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, false);
    }
}
