package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.soql.QueryPlan;

/** A Bulk API 2.0 query job: its request, its state and the snapshot of matching records taken at creation. */
final class BulkJob {

    final String id;
    final String operation;
    final String version;
    final String columnDelimiter;
    final String lineEnding;
    final long createdAt;
    final Org org;
    final QueryPlan plan;
    final int[] results;
    String state = "UploadComplete";
    String errorMessage;
    long modifiedAt;

    BulkJob(String id, String operation, String version, String columnDelimiter, String lineEnding, long createdAt,
            Org org, QueryPlan plan, int[] results) {
        this.id = id;
        this.operation = operation;
        this.version = version;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
        this.org = org;
        this.plan = plan;
        this.results = results;
    }

    /** Each status poll moves a running job one step on: UploadComplete, then InProgress, then JobComplete. */
    synchronized void advance(long now) {
        if (state.equals("UploadComplete")) {
            state = "InProgress";
            modifiedAt = now;
        } else if (state.equals("InProgress")) {
            state = "JobComplete";
            modifiedAt = now;
        }
    }

    synchronized void fail(String message, long now) {
        state = "Failed";
        errorMessage = message;
        modifiedAt = now;
    }

    synchronized boolean abort(long now) {
        if (state.equals("JobComplete") || state.equals("Failed")) {
            return false;
        }
        state = "Aborted";
        modifiedAt = now;
        return true;
    }

    synchronized String state() {
        return state;
    }
}
