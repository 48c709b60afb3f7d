package dev.sfbackup.salesforce;

/** A Bulk API 2.0 query job ended {@code Failed} or {@code Aborted}; carries the job's {@code errorMessage}. Permanent. */
public class BulkJobFailedException extends SalesforceException {

    private final String jobId;
    private final String state;
    private final String errorMessage;

    public BulkJobFailedException(String jobId, String state, String errorMessage) {
        super(200, "BULK_JOB_" + state.toUpperCase(java.util.Locale.ROOT), "job " + jobId + " ended " + state
                + (errorMessage == null ? "" : ": " + errorMessage), false);
        this.jobId = jobId;
        this.state = state;
        this.errorMessage = errorMessage;
    }

    public String jobId() {
        return jobId;
    }

    public String state() {
        return state;
    }

    /** The job's {@code errorMessage}, or null when it gave none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The query ran too long on Salesforce's side: smaller queries over the same records may succeed. */
    public boolean isQueryTimeout() {
        return errorMessage != null && errorMessage.startsWith(QueryTimeoutException.ERROR_CODE);
    }
}
