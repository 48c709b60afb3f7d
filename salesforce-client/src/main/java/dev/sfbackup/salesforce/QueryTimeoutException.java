package dev.sfbackup.salesforce;

/** The query ran too long on Salesforce's side (QUERY_TIMEOUT); transient, retried with backoff. */
public class QueryTimeoutException extends SalesforceException {

    public static final String ERROR_CODE = "QUERY_TIMEOUT";

    public QueryTimeoutException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, true);
    }
}
