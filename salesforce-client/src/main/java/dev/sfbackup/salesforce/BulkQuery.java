package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A submitted Bulk API 2.0 query job: wait for it, then stream its CSV results chunk by chunk with {@link #rows()}. */
public final class BulkQuery {

    private static final Duration FIRST_POLL = Duration.ofMillis(200);

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final ConnectionOptions options;
    private final String jobPath;
    private BulkQueryJob job;
    private int statusPolls;

    BulkQuery(ApiTransport transport, ObjectMapper json, ConnectionOptions options, String dataPath, BulkQueryJob created) {
        this.transport = transport;
        this.json = json;
        this.options = options;
        this.jobPath = dataPath + "/jobs/query/" + created.id();
        this.job = created;
    }

    /** The job as last seen. */
    public BulkQueryJob job() {
        return job;
    }

    /** How many times the job's state was requested ({@link #refresh()}, also while awaiting completion). */
    public int statusPolls() {
        return statusPolls;
    }

    /** {@code GET /jobs/query/{id}}. */
    public BulkQueryJob refresh() {
        statusPolls++;
        job = BulkQueryJob.from(readJson(transport.send(ApiRequest.get(jobPath))));
        return job;
    }

    /**
     * Polls until JobComplete, first after {@link #FIRST_POLL}, then at twice the previous wait up to the poll interval
     * of the options (small jobs finish within a second, large ones are not polled more than needed); throws
     * {@link BulkJobFailedException} on Failed or Aborted.
     */
    public BulkQueryJob awaitCompletion() {
        Instant deadline = Instant.now().plus(options.bulkJobTimeout());
        Duration wait = shorter(FIRST_POLL, options.bulkPollInterval());
        while (!job.isFinished()) {
            if (Instant.now().isAfter(deadline)) {
                throw new SalesforceException(0, "BULK_JOB_TIMEOUT", "job " + job.id() + " still " + job.state()
                        + " after " + options.bulkJobTimeout(), false);
            }
            pause(wait);
            refresh();
            wait = shorter(wait.multipliedBy(2), options.bulkPollInterval());
        }
        if (!BulkQueryJob.JOB_COMPLETE.equals(job.state())) {
            throw new BulkJobFailedException(job.id(), job.state(), job.errorMessage());
        }
        return job;
    }

    /**
     * Waits for completion, then streams the result rows, fetching one locator chunk at a time
     * ({@code maxRecords} from the options). The caller must close the returned rows.
     */
    public BulkRows rows() {
        awaitCompletion();
        return new BulkRows(this::openChunk, job.delimiter(), options.retryPolicy().maxAttempts() - 1);
    }

    /** {@code PATCH /jobs/query/{id}} with {@code {"state":"Aborted"}}. */
    public void abort() {
        byte[] body = "{\"state\":\"Aborted\"}".getBytes(StandardCharsets.UTF_8);
        job = BulkQueryJob.from(readJson(transport.send(ApiRequest.json("PATCH", jobPath, body))));
    }

    /** {@code DELETE /jobs/query/{id}}: removes the job and its results from the org. */
    public void delete() {
        try (InputStream ignored = transport.send(new ApiRequest("DELETE", jobPath, null, null, java.util.Map.of())).body()) {
            // 204 No Content
        } catch (IOException e) {
            throw new TransportException("DELETE " + jobPath, e);
        }
    }

    private HttpResponse<InputStream> openChunk(String locator) {
        StringBuilder path = new StringBuilder(jobPath).append("/results");
        char separator = '?';
        if (options.bulkMaxRecords() > 0) {
            path.append(separator).append("maxRecords=").append(options.bulkMaxRecords());
            separator = '&';
        }
        if (locator != null) {
            path.append(separator).append("locator=").append(java.net.URLEncoder.encode(locator, StandardCharsets.UTF_8));
        }
        return transport.send(token -> ApiRequest.get(path.toString(), resultHeaders(token.instanceUrl())));
    }

    /**
     * Asks for gzip: compressed results download much faster across a network (documented for Bulk API 2.0 query
     * results). Not from an org on this machine (the emulator), where compressing and inflating every row only costs
     * both ends CPU (BulkRecordPathBench in session-service prints what, beside the engine's own CPU per record).
     */
    static Map<String, String> resultHeaders(URI instanceUrl) {
        String host = instanceUrl.getHost() == null ? "" : instanceUrl.getHost();
        boolean loopback = host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return loopback ? Map.of("Accept", "text/csv") : Map.of("Accept", "text/csv", "Accept-Encoding", "gzip");
    }

    private JsonNode readJson(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new TransportException("reading " + jobPath, e);
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("waiting for job " + job.id(), new InterruptedIOException("interrupted"));
        }
    }
}
