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
 */
public record Fault(String object, String errorCode, int status, String message, int remaining, long latencyMs,
        Integer maxRecordsAbove) {

    public Fault hit() {
        return remaining < 0 ? this : new Fault(object, errorCode, status, message, remaining - 1, latencyMs, maxRecordsAbove);
    }

    /** requestedRecords: the set size a Bulk results download asks for, null for every other request. */
    public boolean appliesToSetSize(Integer requestedRecords) {
        return maxRecordsAbove == null || requestedRecords != null && requestedRecords > maxRecordsAbove;
    }

    public boolean appliesTo(String objectName) {
        return object == null || object.equalsIgnoreCase(objectName);
    }
}
