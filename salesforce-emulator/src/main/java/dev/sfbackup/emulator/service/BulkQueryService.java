package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.config.EmulatorConfig;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.SalesforceIds;
import dev.sfbackup.emulator.soql.QueryPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Bulk API 2.0 query jobs: create, poll, page through CSV results with locators, abort, delete. */
@ApplicationScoped
public class BulkQueryService {

    private static final int MAX_JOBS = 50;
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "PIPE", '|',
            "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');

    private final OrgService orgs;
    private final QueryService queries;
    private final FaultInjector faults;
    private final EmulatorConfig config;
    private final AtomicLong jobCounter = new AtomicLong();
    private final Map<String, BulkJob> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BulkJob> eldest) {
            return size() > MAX_JOBS;
        }
    };

    public BulkQueryService(OrgService orgs, QueryService queries, FaultInjector faults, EmulatorConfig config) {
        this.orgs = orgs;
        this.queries = queries;
        this.faults = faults;
        this.config = config;
    }

    public BulkJobInfo create(String version, String operation, String soql, String contentType, String columnDelimiter, String lineEnding) {
        if (!"query".equals(operation) && !"queryAll".equals(operation)) {
            throw invalidJob("Invalid operation: " + operation + ". Allowed values are query and queryAll.");
        }
        if (contentType != null && !contentType.equals("CSV")) {
            throw invalidJob("Invalid contentType: " + contentType + ". The only allowed value is CSV.");
        }
        String delimiter = columnDelimiter == null ? "COMMA" : columnDelimiter;
        if (!DELIMITERS.containsKey(delimiter)) {
            throw invalidJob("Invalid columnDelimiter: " + delimiter + ". Allowed values are " + DELIMITERS.keySet());
        }
        String ending = lineEnding == null ? "LF" : lineEnding;
        if (!ending.equals("LF") && !ending.equals("CRLF")) {
            throw invalidJob("Invalid lineEnding: " + ending + ". Allowed values are LF and CRLF.");
        }
        QueryPlan plan = queries.compile(soql);
        if (plan.countOnly()) {
            throw invalidJob("Aggregate queries are not supported by Bulk API 2.0: COUNT()");
        }
        plan.fields().stream().filter(f -> f.type() == FieldType.BASE64).findFirst().ifPresent(f -> {
            throw invalidJob("Binary field not supported in Bulk API 2.0 query: " + f.name());
        });
        int[] results = plan.execute(operation.equals("queryAll"));
        Optional<Fault> fault = faults.fire(plan.table().name(), FaultInjector.Call.BULK_JOB,
                new FaultInjector.Size(null, results.length));
        if (fault.isPresent() && fault.get().status() != 400) {
            throw new SalesforceApiException(fault.get().status(), fault.get().errorCode(), fault.get().message());
        }
        long now = orgs.now();
        BulkJob job = new BulkJob(SalesforceIds.id("750", jobCounter.incrementAndGet()), operation, version, delimiter, ending, now,
                orgs.current(), plan, results);
        // A query fault (QUERY_TIMEOUT and the like) makes the job fail, as Salesforce reports it: in the job's state.
        fault.ifPresent(f -> job.fail(f.errorCode() + ": " + f.message(), now));
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        return info(job, false);
    }

    public BulkJobInfo status(String jobId) {
        BulkJob job = job(jobId);
        job.advance(System.currentTimeMillis());
        return info(job, true);
    }

    public List<BulkJobInfo> list() {
        synchronized (jobs) {
            return jobs.values().stream().map(j -> info(j, true)).toList();
        }
    }

    public BulkJobInfo abort(String jobId, String state) {
        if (!"Aborted".equals(state)) {
            throw invalidJob("Invalid state: " + state + ". A query job can only be set to Aborted.");
        }
        BulkJob job = job(jobId);
        if (!job.abort(System.currentTimeMillis())) {
            throw invalidJob("Job " + jobId + " is already " + job.state() + " and cannot be aborted.");
        }
        return info(job, true);
    }

    public void delete(String jobId) {
        BulkJob job = job(jobId);
        String state = job.state();
        if (state.equals("UploadComplete") || state.equals("InProgress")) {
            throw invalidJob("Job " + jobId + " is " + state + "; abort it before deleting it.");
        }
        synchronized (jobs) {
            jobs.remove(jobId);
        }
    }

    public BulkResultPage results(String jobId, String locator, Integer maxRecords) {
        BulkJob job = job(jobId);
        if (!job.state().equals("JobComplete")) {
            throw invalidJob("Job " + jobId + " is " + job.state() + "; results are available once it is JobComplete.");
        }
        if (maxRecords != null && maxRecords < 1) {
            throw invalidJob("maxRecords must be a positive number");
        }
        int setSize = maxRecords == null ? config.bulkDefaultMaxRecords() : maxRecords;
        faults.check(job.plan.table().name(), FaultInjector.Call.BULK_RESULTS, new FaultInjector.Size(setSize, null));
        int offset = locator == null || locator.isEmpty() ? 0 : decodeLocator(locator, job.results.length);
        int count = Math.min(job.results.length - offset, setSize);
        int end = offset + count;
        String next = end >= job.results.length ? "null" : encodeLocator(end);
        return new BulkResultPage(count, next, out -> CsvWriter.writeResults(job.plan, job.results, offset, end,
                DELIMITERS.get(job.columnDelimiter), job.lineEnding.equals("CRLF") ? "\r\n" : "\n", out));
    }

    private BulkJob job(String jobId) {
        BulkJob job;
        synchronized (jobs) {
            job = jobs.get(jobId);
        }
        if (job == null || job.org != orgs.current()) {
            throw SalesforceApiException.notFound("The requested resource does not exist");
        }
        return job;
    }

    private BulkJobInfo info(BulkJob job, boolean withProgress) {
        String state = job.state();
        boolean complete = state.equals("JobComplete");
        return new BulkJobInfo(job.id, job.operation, job.plan.table().name(), TokenService.INTEGRATION_USER_ID,
                FieldType.formatRestDateTime(Instant.ofEpochMilli(job.createdAt)),
                FieldType.formatRestDateTime(Instant.ofEpochMilli(job.modifiedAt)),
                state, "Parallel", "CSV", Double.parseDouble(job.version),
                withProgress ? "V2Query" : null, job.lineEnding, job.columnDelimiter,
                withProgress ? (long) (complete ? job.results.length : 0) : null,
                withProgress ? 0 : null,
                withProgress ? (complete ? Math.max(1, job.results.length / 1000L) : 0L) : null,
                withProgress ? Boolean.TRUE : null,
                job.errorMessage);
    }

    private static String encodeLocator(int offset) {
        return Base64.getEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decodeLocator(String locator, int total) {
        try {
            int offset = Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
            if (offset >= 0 && offset <= total) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw invalidJob("Invalid locator: " + locator);
    }

    private static SalesforceApiException invalidJob(String message) {
        return new SalesforceApiException(400, "INVALIDJOB", message);
    }
}
