package dev.sfbackup.salesforce;

/** The SOQL is not valid or needs a filter (MALFORMED_QUERY); permanent. */
public class MalformedQueryException extends SalesforceException {

    public static final String ERROR_CODE = "MALFORMED_QUERY";

    public MalformedQueryException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, false);
    }
}
