package dev.sfbackup.emulator.service;

/**
 * An injected fault: an error answer, extra latency, or a hold, for requests on one object (or all API requests).
 *
 * @param id        names the fault for {@code DELETE /emulator/admin/faults/{id}}
 * @param object    sObject the fault applies to, null for every API request
 * @param call      null for every kind of call on the object; else only that kind (see {@link FaultInjector.Call})
 * @param errorCode Salesforce error code to answer with, null for latency or a hold only
 * @param status    HTTP status of the error answer
 * @param message   error message
 * @param remaining how many more requests it hits; -1 for ever
 * @param latencyMs delay added before answering
 * @param hold      matching requests wait, unanswered, until the fault is removed (by id, or all faults at once)
 * @param held      how many requests wait on this fault now
 * @param maxRecordsAbove null for every matching request; else the fault hits only Bulk API 2.0 result downloads
 *                  that ask for more than this many records per set (as a QUERY_TIMEOUT on too large sets does)
 * @param jobRecordsAbove null for every matching request; else the fault hits only Bulk API 2.0 query jobs whose
 *                  query matches more than this many records, and the job ends Failed with the error (as a
 *                  QUERY_TIMEOUT on a query over too many records does)
 */
public record Fault(long id, String object, String call, String errorCode, int status, String message, int remaining,
        long latencyMs, boolean hold, int held, Integer maxRecordsAbove, Integer jobRecordsAbove) {

    public Fault hit() {
        return remaining < 0 ? this : withRemaining(remaining - 1);
    }

    public Fault withId(long newId) {
        return new Fault(newId, object, call, errorCode, status, message, remaining, latencyMs, hold, held, maxRecordsAbove,
                jobRecordsAbove);
    }

    public Fault withHeld(int nowHeld) {
        return new Fault(id, object, call, errorCode, status, message, remaining, latencyMs, hold, nowHeld, maxRecordsAbove,
                jobRecordsAbove);
    }

    private Fault withRemaining(int left) {
        return new Fault(id, object, call, errorCode, status, message, left, latencyMs, hold, held, maxRecordsAbove,
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

    public boolean appliesTo(FaultInjector.Call kind) {
        return call == null || call.equals(kind.apiName());
    }
}
