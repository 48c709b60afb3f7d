package dev.sfbackup.emulator.service;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bulk API 2.0 ingest job: Open while data is uploaded, then UploadComplete (the records are saved at that
 * moment), InProgress and JobComplete on the following status polls; or Aborted, or Failed with an errorMessage.
 */
final class IngestJob {

    /** The outcome of one uploaded row: its cells, and the id or the error Salesforce reports for it. */
    record RowResult(List<String> cells, String id, boolean created, String error) {
    }

    final String id;
    final String object;
    final String operation;
    final String version;
    final char delimiter;
    final String columnDelimiter;
    final String lineEnding;
    final long createdAt;
    final StringBuilder data = new StringBuilder();
    List<String> header = List.of();
    final List<RowResult> successful = new ArrayList<>();
    final List<RowResult> failed = new ArrayList<>();
    final List<List<String>> unprocessed = new ArrayList<>();
    String state = "Open";
    String errorMessage;
    long modifiedAt;
    long processingMillis;

    IngestJob(String id, String object, String operation, String version, char delimiter, String columnDelimiter,
              String lineEnding, long createdAt) {
        this.id = id;
        this.object = object;
        this.operation = operation;
        this.version = version;
        this.delimiter = delimiter;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    /** Each status poll moves a processed job one step on: UploadComplete, then InProgress, then JobComplete. */
    synchronized void advance(long now) {
        if (state.equals("UploadComplete")) {
            state = "InProgress";
            modifiedAt = now;
        } else if (state.equals("InProgress")) {
            state = "JobComplete";
            modifiedAt = now;
        }
    }
}
