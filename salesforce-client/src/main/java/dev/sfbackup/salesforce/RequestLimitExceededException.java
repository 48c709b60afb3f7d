package dev.sfbackup.salesforce;

/** The org's API request limit is exhausted (403 REQUEST_LIMIT_EXCEEDED); not retried here, the caller pauses or fails the work. */
public class RequestLimitExceededException extends SalesforceException {

    public static final String ERROR_CODE = "REQUEST_LIMIT_EXCEEDED";

    public RequestLimitExceededException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, false);
    }
}
