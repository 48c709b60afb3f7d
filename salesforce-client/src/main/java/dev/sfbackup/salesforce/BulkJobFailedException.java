package dev.sfbackup.salesforce;

/** A Bulk API 2.0 query job ended {@code Failed} or {@code Aborted}; carries the job's {@code errorMessage}. Permanent. */
public class BulkJobFailedException extends SalesforceException {

    private final String jobId;
    private final String state;

    public BulkJobFailedException(String jobId, String state, String errorMessage) {
        super(200, "BULK_JOB_" + state.toUpperCase(java.util.Locale.ROOT), "job " + jobId + " ended " + state
                + (errorMessage == null ? "" : ": " + errorMessage), false);
        this.jobId = jobId;
        this.state = state;
    }

    public String jobId() {
        return jobId;
    }

    public String state() {
        return state;
    }
}
