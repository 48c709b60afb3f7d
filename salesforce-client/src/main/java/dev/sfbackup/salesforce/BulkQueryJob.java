package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Bulk API 2.0 query job as {@code POST /jobs/query} and {@code GET /jobs/query/{id}} describe it.
 * States: UploadComplete → InProgress → JobComplete | Failed | Aborted.
 */
public record BulkQueryJob(String id, String operation, String object, String state, String errorMessage,
                           long numberRecordsProcessed, String columnDelimiter, String lineEnding) {

    public static final String JOB_COMPLETE = "JobComplete";
    public static final String FAILED = "Failed";
    public static final String ABORTED = "Aborted";

    public boolean isFinished() {
        return JOB_COMPLETE.equals(state) || FAILED.equals(state) || ABORTED.equals(state);
    }

    /** The CSV delimiter the results use ({@code columnDelimiter}: COMMA, TAB, PIPE, SEMICOLON, CARET, BACKQUOTE). */
    public char delimiter() {
        return switch (columnDelimiter == null ? "COMMA" : columnDelimiter) {
            case "TAB" -> '\t';
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "CARET" -> '^';
            case "BACKQUOTE" -> '`';
            default -> ',';
        };
    }

    static BulkQueryJob from(JsonNode json) {
        return new BulkQueryJob(
                json.path("id").asText(),
                json.path("operation").asText(null),
                json.path("object").asText(null),
                json.path("state").asText(null),
                json.hasNonNull("errorMessage") ? json.get("errorMessage").asText() : null,
                json.path("numberRecordsProcessed").asLong(0),
                json.path("columnDelimiter").asText("COMMA"),
                json.path("lineEnding").asText("LF"));
    }
}
