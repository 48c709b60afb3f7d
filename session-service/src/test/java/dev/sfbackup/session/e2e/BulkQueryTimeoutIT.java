package dev.sfbackup.session.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Bulk API 2.0 query job that fails with QUERY_TIMEOUT is read again as jobs over smaller Id ranges, with the whole
 * suite over real HTTP (see {@link BackupSuite}). The engines run with the default segments of 500,000 records,
 * quartered on each timeout (125,000, 31,250, 7,812, 1,953, then the minimum 1,000) at most 5 times.
 */
class BulkQueryTimeoutIT {

    private static final int ACCOUNTS = 6000;

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }

    @Test
    void aQueryJobThatTimesOutIsReadAgainInIdRangeSegmentsAndEveryRecordIsStoredOnce() {
        suite.resetOrgWithAccounts(ACCOUNTS);
        UUID policy = suite.policy(List.of("Account"), true, Map.of("parallelism", 1));
        // the org times out on every query job over more than 2,000 Accounts: the whole object and segments down to 1,953
        suite.fault(Map.of("object", "Account", "errorCode", "QUERY_TIMEOUT", "jobRecordsAbove", 2000, "times", -1));

        JsonNode run = suite.runToEnd(policy);

        JsonNode account = onlyTask(run);
        assertEquals("WARNING", account.path("status").asText(), account.toString());
        assertTrue(account.path("message").asText().contains("after QUERY_TIMEOUT retries with smaller chunks"), account.toString());
        assertEquals("SUCCESS", run.path("status").asText(), "a task that ends with a warning still completed: " + run);
        String log = suite.log(run.path("sessions").get(0).path("id").asText());
        assertTrue(log.contains("Account: the Bulk API 2.0 query job failed with QUERY_TIMEOUT")
                && log.contains("Id range of 500000 records"), log);
        assertTrue(log.contains("Account: QUERY_TIMEOUT on the Bulk API 2.0 segment of 7812 records")
                && log.contains("retrying in segments of 1953 records"), log);
        String point = suite.latestPoint(policy, "Account").path("id").asText();
        assertEquals(suite.orgRecords("Account").keySet(), suite.storedRecords(point, "Account").keySet());
        assertEquals(ACCOUNTS, suite.storedRecordCount(point, "Account"), "every record exactly once");
        assertEquals(ACCOUNTS, account.path("counters").path("recordsNew").asLong(), account.toString());
        // 1 whole-object job and 4 segment jobs failed, 4 segment jobs (of 1,953 Ids) passed: 2 requests each, at least
        assertTrue(account.path("counters").path("apiCalls").asLong() >= 18, account.toString());
    }

    @Test
    void aDownloadTimeoutInASegmentedReadReadsAgainAtTheSegmentSizeAlreadyReached() {
        suite.resetOrgWithAccounts(ACCOUNTS);
        UUID policy = suite.policy(List.of("Account"), true, Map.of("parallelism", 1));
        suite.fault(Map.of("object", "Account", "errorCode", "QUERY_TIMEOUT", "jobRecordsAbove", 2000, "times", -1));
        // and the results downloads of the segments that pass time out at 50,000 records per set, the engine's first size
        suite.fault(Map.of("object", "Account", "errorCode", "QUERY_TIMEOUT", "maxRecordsAbove", 20_000, "times", -1));

        JsonNode run = suite.runToEnd(policy);

        JsonNode account = onlyTask(run);
        assertEquals("WARNING", account.path("status").asText(), account.toString());
        String log = suite.log(run.path("sessions").get(0).path("id").asText());
        assertTrue(log.contains("retrying with smaller result chunks of 12500 records, in Id ranges of 1953 records"), log);
        assertEquals(1, occurrences(log, "QUERY_TIMEOUT on the Bulk API 2.0 segment of 7812 records"),
                "the read again starts at the segment size reached, not at 500,000 with its four failing jobs: " + log);
        String point = suite.latestPoint(policy, "Account").path("id").asText();
        assertEquals(suite.orgRecords("Account").keySet(), suite.storedRecords(point, "Account").keySet());
        assertEquals(ACCOUNTS, suite.storedRecordCount(point, "Account"), "every record exactly once");
        assertEquals(1, suite.committedPoints(policy, "Account"));
    }

    @Test
    void whenEvenTheSmallestSegmentsTimeOutTheTaskEndsInErrorAndSaysWhy() {
        suite.resetOrgWithAccounts(ACCOUNTS);
        UUID policy = suite.policy(List.of("Account"), true, Map.of("parallelism", 1));
        suite.fault(Map.of("object", "Account", "errorCode", "QUERY_TIMEOUT", "jobRecordsAbove", 0, "times", -1));

        JsonNode run = suite.runToEnd(policy);

        JsonNode account = onlyTask(run);
        assertEquals("ERROR", account.path("status").asText(), account.toString());
        assertEquals("FAILED", run.path("status").asText(), run.toString());
        String log = suite.log(run.path("sessions").get(0).path("id").asText());
        assertTrue(log.contains("QUERY_TIMEOUT even on a Bulk API 2.0 segment of 1000 records")
                && log.contains("after 5 retries with smaller chunks; giving up"), log);
        assertTrue(account.path("message").asText().contains("giving up"), account.toString());
        assertEquals(0, suite.committedPoints(policy, "Account"), "nothing was committed");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static JsonNode onlyTask(JsonNode run) {
        assertEquals(1, run.path("sessions").size(), run.toString());
        JsonNode tasks = suite.session(run.path("sessions").get(0).path("id").asText()).path("tasks");
        assertEquals(1, tasks.size(), tasks.toString());
        JsonNode task = tasks.get(0);
        assertNotNull(task);
        assertEquals("Account", task.path("object").asText());
        return task;
    }
}
