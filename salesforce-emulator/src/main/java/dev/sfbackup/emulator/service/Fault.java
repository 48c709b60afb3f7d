package dev.sfbackup.emulator.service;

/**
 * An injected fault: an error answer and/or extra latency for requests on one object (or all API requests).
 *
 * @param object    sObject the fault applies to, null for every API request
 * @param errorCode Salesforce error code to answer with, null for latency only
 * @param status    HTTP status of the error answer
 * @param message   error message
 * @param remaining how many more requests it hits; -1 for ever
 * @param latencyMs delay added before answering
 * @param maxRecordsAbove null for every matching request; else the fault hits only Bulk API 2.0 result downloads
 *                  that ask for more than this many records per set (as a QUERY_TIMEOUT on too large sets does)
 * @param jobRecordsAbove null for every matching request; else the fault hits only Bulk API 2.0 query jobs whose
 *                  query matches more than this many records, and the job ends Failed with the error (as a
 *                  QUERY_TIMEOUT on a query over too many records does)
 */
public record Fault(String object, String errorCode, int status, String message, int remaining, long latencyMs,
        Integer maxRecordsAbove, Integer jobRecordsAbove) {

    public Fault hit() {
        return remaining < 0 ? this : new Fault(object, errorCode, status, message, remaining - 1, latencyMs, maxRecordsAbove,
                jobRecordsAbove);
    }

    /** Whether the fault hits a request of that size; {@link FaultInjector.Size#NONE} for requests that have none. */
    public boolean appliesToSize(FaultInjector.Size size) {
        return (maxRecordsAbove == null || size.resultSet() != null && size.resultSet() > maxRecordsAbove)
                && (jobRecordsAbove == null || size.jobRecords() != null && size.jobRecords() > jobRecordsAbove);
    }

    public boolean appliesTo(String objectName) {
        return object == null || object.equalsIgnoreCase(objectName);
    }
}
