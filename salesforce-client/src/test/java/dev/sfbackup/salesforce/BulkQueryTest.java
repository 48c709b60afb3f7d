package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkQueryTest {

    private static final String JOBS = "/services/data/v62.0/jobs/query";
    private static final String JOB = JOBS + "/750R0000000zlh9IAA";

    private final RecordedOrg org = new RecordedOrg()
            .on("POST " + JOBS, Reply.json(200, "bulk/job-created.json"));

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void aQueryJobIsPolledUntilCompleteAndItsResultsReadChunkByChunkUntilTheLocatorIsNull() throws Exception {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-InProgress.json"), Reply.json(200, "bulk/job-JobComplete.json"));
        org.on("GET " + JOB + "/results?maxRecords=3", Reply.csv("bulk/results-chunk-1.csv",
                "Sforce-Locator", "MTAwMDA", "Sforce-NumberOfRecords", "3"));
        org.on("GET " + JOB + "/results?maxRecords=3&locator=MTAwMDA", Reply.csv("bulk/results-chunk-2.csv",
                "Sforce-Locator", "null", "Sforce-NumberOfRecords", "2"));
        SalesforceConnection connection = org.connect(RecordedOrg.fastOptions()
                .withBulk(3, Duration.ofMillis(1), Duration.ofSeconds(10)));

        BulkQuery query = connection.bulkQuery("SELECT Id, Name, Description FROM Account");
        List<Map<String, String>> rows;
        try (BulkRows results = query.rows()) {
            rows = results.stream().toList();
            assertEquals(2, results.chunksFetched());
            assertEquals(5, results.reportedRecords());
            assertEquals(List.of("Id", "Name", "Description"), results.columns());
        }

        assertEquals(5, rows.size());
        assertEquals("George Wright, Jr.", rows.get(1).get("Name"));
        assertEquals("Says \"hello\"", rows.get(1).get("Description"));
        assertEquals("Line one\nLine two", rows.get(2).get("Description"));
        assertEquals("", rows.get(3).get("Description"));
        assertEquals("Ends with newline\r\n", rows.get(4).get("Description"));
        var create = new ObjectMapper().readTree(org.received("POST", JOBS).get(0).body());
        assertEquals("query", create.get("operation").asText());
        assertEquals("SELECT Id, Name, Description FROM Account", create.get("query").asText());
        assertEquals("text/csv", org.received("GET", JOB + "/results").get(0).header("Accept"));
        assertEquals(BulkQueryJob.JOB_COMPLETE, query.job().state());
    }

    @Test
    void queryAllJobsAskForDeletedRecordsToo() throws Exception {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-JobComplete.json"));

        org.connect(RecordedOrg.fastOptions()).bulkQueryAll("SELECT Id, IsDeleted FROM Account");

        assertEquals("queryAll", new ObjectMapper().readTree(org.received("POST", JOBS).get(0).body()).get("operation").asText());
    }

    @Test
    void aFailedJobRaisesItsErrorMessage() {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-InProgress.json"), Reply.json(200, "bulk/job-Failed.json"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id, Nmae FROM Account");

        BulkJobFailedException failed = assertThrows(BulkJobFailedException.class, query::rows);

        assertEquals("Failed", failed.state());
        assertEquals("750R0000000zlh9IAA", failed.jobId());
        assertTrue(failed.getMessage().contains("No such column 'Nmae'"));
        assertTrue(!failed.isTransient());
    }

    @Test
    void aJobThatFailedWithQueryTimeoutSaysSoAndOtherFailuresDoNot() {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-Failed-query-timeout.json"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id FROM Account");

        BulkJobFailedException timedOut = assertThrows(BulkJobFailedException.class, query::awaitCompletion);

        assertTrue(timedOut.isQueryTimeout(), timedOut.getMessage());
        assertEquals("QUERY_TIMEOUT: Your query request was running for too long.", timedOut.errorMessage());
        assertTrue(!new BulkJobFailedException("750R0000000zlh9IAA", "Failed", "INVALID_FIELD: No such column 'Nmae'").isQueryTimeout());
        assertTrue(!new BulkJobFailedException("750R0000000zlh9IAA", "Aborted", null).isQueryTimeout());
    }

    @Test
    void anAbortedJobIsReportedAsSuch() {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-Aborted.json"));
        org.on("PATCH " + JOB, Reply.json(200, "bulk/job-Aborted.json"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id FROM Account");

        query.abort();

        assertEquals("{\"state\":\"Aborted\"}", org.received("PATCH", JOB).get(0).body());
        assertEquals("Aborted", assertThrows(BulkJobFailedException.class, query::awaitCompletion).state());
    }

    @Test
    void rowsAreHandedOutWhileTheChunkIsStillBeingSent() throws Exception {
        CountDownLatch firstRowConsumed = new CountDownLatch(1);
        org.on("GET " + JOB, Reply.json(200, "bulk/job-JobComplete.json"));
        org.on("GET " + JOB + "/results", Reply.streamed("text/csv", out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("\"Id\",\"Name\"\n\"001000000000001AAA\",\"first\"\n");
            writer.flush();
            try {
                // the rest of the chunk is only sent once the client has used the first row
                if (!firstRowConsumed.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("client did not stream the first row");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 2; i <= 50_000; i++) {
                writer.write("\"001" + String.format("%012d", i) + "AAA\",\"row " + i + "\"\n");
            }
            writer.flush();
        }, "Sforce-Locator", "null", "Sforce-NumberOfRecords", "50000"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id, Name FROM Account");

        long count = 0;
        try (BulkRows rows = query.rows()) {
            while (rows.hasNext()) {
                rows.next();
                count++;
                firstRowConsumed.countDown();
            }
        }

        assertEquals(50_000, count);
    }

    @Test
    void aChunkCutOffMidStreamIsFetchedAgainByItsLocatorWithoutDuplicatingRows() {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-JobComplete.json"));
        RecordedOrg.BodyWriter fullChunk = out -> out.write(csvRows(1, 1000).getBytes(StandardCharsets.UTF_8));
        org.on("GET " + JOB + "/results", Reply.streamed("text/csv", out -> {
            out.write(csvRows(1, 400).getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new java.io.IOException("connection dropped by the test");
        }, "Sforce-Locator", "null", "Sforce-NumberOfRecords", "1000"),
                Reply.streamed("text/csv", fullChunk, "Sforce-Locator", "null", "Sforce-NumberOfRecords", "1000"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id, Name FROM Account");

        List<String> ids;
        int resumes;
        try (BulkRows rows = query.rows()) {
            ids = rows.stream().map(row -> row.get("Id")).toList();
            resumes = rows.resumes();
        }

        assertEquals(1000, ids.size());
        assertEquals(1000, new java.util.HashSet<>(ids).size());
        assertEquals(1, resumes);
    }

    @Test
    void gzipCompressedResultsAreInflatedOnTheFly() {
        org.on("GET " + JOB, Reply.json(200, "bulk/job-JobComplete.json"));
        org.on("GET " + JOB + "/results", Reply.streamed("text/csv", out -> {
            try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
                gzip.write(csvRows(1, 20_000).getBytes(StandardCharsets.UTF_8));
            }
        }, "Content-Encoding", "gzip", "Sforce-Locator", "null", "Sforce-NumberOfRecords", "20000"));
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id, Name FROM Account");

        long count;
        try (BulkRows rows = query.rows()) {
            count = rows.stream().count();
        }

        assertEquals(20_000, count);
    }

    @Test
    void resultsAreAskedForCompressedExceptFromAnOrgOnThisMachine() {
        assertEquals("gzip", BulkQuery.resultHeaders(URI.create("https://acme.my.salesforce.com")).get("Accept-Encoding"));
        assertEquals("gzip", BulkQuery.resultHeaders(URI.create("https://10.0.0.7:8443")).get("Accept-Encoding"));
        for (String loopback : List.of("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080")) {
            assertEquals(null, BulkQuery.resultHeaders(URI.create(loopback)).get("Accept-Encoding"), loopback);
            assertEquals("text/csv", BulkQuery.resultHeaders(URI.create(loopback)).get("Accept"), loopback);
        }
        org.on("GET " + JOB, Reply.json(200, "bulk/job-JobComplete.json"));
        org.on("GET " + JOB + "/results", Reply.streamed("text/csv", out -> out.write(csvRows(1, 3).getBytes(StandardCharsets.UTF_8)),
                "Sforce-Locator", "null", "Sforce-NumberOfRecords", "3"));
        try (BulkRows rows = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id, Name FROM Account").rows()) {
            assertEquals(3, rows.stream().count());
        }
        assertEquals(null, org.received("GET", JOB + "/results").get(0).header("Accept-Encoding"), "the recorded org is on 127.0.0.1");
    }

    private static String csvRows(int from, int to) {
        StringBuilder csv = new StringBuilder("\"Id\",\"Name\"\n");
        for (int i = from; i <= to; i++) {
            csv.append("\"001").append(String.format("%012d", i)).append("AAA\",\"row ").append(i).append("\"\n");
        }
        return csv.toString();
    }

    @Test
    void jobsAreDeletedOnRequest() {
        org.on("DELETE " + JOB, Reply.noContent());
        BulkQuery query = org.connect(RecordedOrg.fastOptions()).bulkQuery("SELECT Id FROM Account");

        query.delete();

        assertEquals(1, org.received("DELETE", JOB).size());
    }
}
