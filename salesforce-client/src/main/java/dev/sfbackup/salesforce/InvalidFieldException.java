package dev.sfbackup.salesforce;

/** The query or record names a field the object does not have (INVALID_FIELD); permanent. */
public class InvalidFieldException extends SalesforceException {

    public static final String ERROR_CODE = "INVALID_FIELD";

    public InvalidFieldException(int httpStatus, String errorCode, String message) {
        super(httpStatus, errorCode, message, false);
    }
}
