package dev.sfbackup.emulator.service;

import java.util.List;

/** A request the org rejects; rendered as Salesforce's error array {@code [{"message":…,"errorCode":…}]}. */
public class SalesforceApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, List.of());
    }

    public SalesforceApiException(int status, String errorCode, String message, List<String> fields) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }

    public static SalesforceApiException notFound() {
        return new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static SalesforceApiException notFound(String message) {
        return new SalesforceApiException(404, "NOT_FOUND", message);
    }

    public static SalesforceApiException badRequest(String errorCode, String message) {
        return new SalesforceApiException(400, errorCode, message);
    }
}
