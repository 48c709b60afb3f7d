package dev.sfbackup.emulator.soql;

/** A query Salesforce would reject, with its error code (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
public class SoqlException extends RuntimeException {

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Salesforce's message layout: the query, a caret under the offending column, then the reason. */
    static SoqlException at(String errorCode, String soql, int position, String reason) {
        String flat = soql.replace('\n', ' ');
        String caret = " ".repeat(Math.max(0, position)) + "^";
        return new SoqlException(errorCode,
                "\n" + flat + "\n" + caret + "\nERROR at Row:1:Column:" + (position + 1) + "\n" + reason);
    }
}
