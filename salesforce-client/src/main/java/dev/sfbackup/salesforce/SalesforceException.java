package dev.sfbackup.salesforce;

/**
 * An error answered by Salesforce (an element of its {@code [{"message":…,"errorCode":…}]} array) or met on the way to it.
 * {@link #isTransient()} tells whether the same request may succeed later; permanent errors are never retried.
 */
public class SalesforceException extends RuntimeException {

    private final int httpStatus;
    private final String errorCode;
    private final boolean transientError;

    public SalesforceException(int httpStatus, String errorCode, String message, boolean transientError) {
        this(httpStatus, errorCode, message, transientError, null);
    }

    public SalesforceException(int httpStatus, String errorCode, String message, boolean transientError, Throwable cause) {
        super(errorCode + " (HTTP " + httpStatus + "): " + message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.transientError = transientError;
    }

    /** The HTTP status of the response, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Salesforce's errorCode, e.g. {@code INVALID_FIELD}; OAuth errors carry the {@code error} value. */
    public String errorCode() {
        return errorCode;
    }

    public boolean isTransient() {
        return transientError;
    }
}
