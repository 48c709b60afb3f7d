package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SalesforceIds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bulk API 2.0 ingest jobs (insert, update, delete): create, upload CSV, UploadComplete, poll, results. The records
 * are saved when the upload completes, 200 at a time through the same checks as sObject Collections, so every
 * per-record error of a collections call appears in failedResults as {@code statusCode:message:fields --}.
 */
@ApplicationScoped
public class BulkIngestService {

    private static final int MAX_JOBS = 50;
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "delete");
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "PIPE", '|',
            "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');
    /** The cell value that sets a field to null (an empty cell leaves it as it is). */
    private static final String NULL_VALUE = "#N/A";

    private final OrgService orgs;
    private final CollectionsService collections;
    private final AtomicLong jobCounter = new AtomicLong();
    private final Map<String, IngestJob> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IngestJob> eldest) {
            return size() > MAX_JOBS;
        }
    };

    public BulkIngestService(OrgService orgs, CollectionsService collections) {
        this.orgs = orgs;
        this.collections = collections;
    }

    public IngestJobInfo create(String version, String object, String operation, String contentType, String columnDelimiter,
            String lineEnding) {
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw invalidJob("Invalid operation: " + operation + ". Allowed values are " + OPERATIONS.stream().sorted().toList());
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
        SObjectTable table = object == null ? null : orgs.current().table(object).orElse(null);
        if (table == null) {
            throw invalidJob("Entity '" + object + "' is not supported by the Bulk API.");
        }
        IngestJob job = new IngestJob(SalesforceIds.id("750", 500_000 + jobCounter.incrementAndGet()), table.name(), operation,
                version, DELIMITERS.get(delimiter), delimiter, ending, orgs.now());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        return info(job);
    }

    /** {@code PUT …/batches}: appends CSV data to an Open job. */
    public void upload(String jobId, byte[] csv) {
        IngestJob job = job(jobId);
        synchronized (job) {
            if (!job.state.equals("Open")) {
                throw invalidJob("Job " + jobId + " is not Open; data can only be uploaded to an Open job");
            }
            job.data.append(new String(csv, StandardCharsets.UTF_8));
        }
    }

    /** {@code PATCH {state}}: UploadComplete saves the records; Aborted stops the job, its rows left unprocessed. */
    public IngestJobInfo changeState(String jobId, String state) {
        IngestJob job = job(jobId);
        synchronized (job) {
            if ("UploadComplete".equals(state) && job.state.equals("Open")) {
                process(job);
            } else if ("Aborted".equals(state) && (job.state.equals("Open") || job.state.equals("UploadComplete"))) {
                job.state = "Aborted";
                job.modifiedAt = orgs.now();
                if (job.successful.isEmpty() && job.failed.isEmpty()) {
                    job.unprocessed.addAll(rowsOf(job));
                }
            } else {
                throw invalidJob("Cannot change the state of job " + jobId + " from " + job.state + " to " + state);
            }
            return info(job);
        }
    }

    public IngestJobInfo status(String jobId) {
        IngestJob job = job(jobId);
        job.advance(orgs.now());
        return info(job);
    }

    public List<IngestJobInfo> list() {
        synchronized (jobs) {
            return jobs.values().stream().map(this::info).toList();
        }
    }

    public void delete(String jobId) {
        synchronized (jobs) {
            if (jobs.remove(jobId) == null) {
                throw SalesforceApiException.notFound("Job " + jobId + " does not exist");
            }
        }
    }

    /** successfulResults: {@code sf__Id, sf__Created} then the uploaded columns; not in upload order. */
    public void writeSuccessful(String jobId, OutputStream out) throws IOException {
        IngestJob job = finished(jobId);
        write(job, List.of("sf__Id", "sf__Created"), job.successful, r -> List.of(r.id(), Boolean.toString(r.created())), out);
    }

    /** failedResults: {@code sf__Id, sf__Error} then the uploaded columns; not in upload order. */
    public void writeFailed(String jobId, OutputStream out) throws IOException {
        IngestJob job = finished(jobId);
        write(job, List.of("sf__Id", "sf__Error"), job.failed, r -> java.util.Arrays.asList(r.id(), r.error()), out);
    }

    /** unprocessedrecords: the uploaded columns of rows an abort or a job failure left unsaved. */
    public void writeUnprocessed(String jobId, OutputStream out) throws IOException {
        IngestJob job = job(jobId);
        List<IngestJob.RowResult> rows = job.unprocessed.stream().map(cells -> new IngestJob.RowResult(cells, null, false, null)).toList();
        write(job, List.of(), rows, r -> List.of(), out);
    }

    private void process(IngestJob job) {
        long started = System.nanoTime();
        List<List<String>> rows = rowsOf(job);
        SObjectTable table = orgs.current().table(job.object).orElse(null);
        String problem = table == null ? "Entity '" + job.object + "' no longer exists" : checkHeader(job, table);
        if (problem != null) {
            fail(job, problem, rows);
            return;
        }
        try {
            for (int from = 0; from < rows.size(); from += CollectionsService.MAX_RECORDS) {
                List<List<String>> slice = rows.subList(from, Math.min(rows.size(), from + CollectionsService.MAX_RECORDS));
                List<SaveResult> results = save(job, table, slice);
                for (int i = 0; i < slice.size(); i++) {
                    SaveResult result = results.get(i);
                    if (result.success()) {
                        job.successful.add(new IngestJob.RowResult(slice.get(i), result.id(), job.operation.equals("insert"), null));
                    } else {
                        job.failed.add(new IngestJob.RowResult(slice.get(i), result.id(), false, error(result)));
                    }
                }
            }
        } catch (SalesforceApiException e) {
            int done = job.successful.size() + job.failed.size();
            fail(job, e.errorCode() + " : " + e.getMessage(), rows.subList(done, rows.size()));
            return;
        }
        job.state = "UploadComplete";
        job.modifiedAt = orgs.now();
        job.processingMillis = (System.nanoTime() - started) / 1_000_000;
    }

    private List<SaveResult> save(IngestJob job, SObjectTable table, List<List<String>> rows) {
        if (job.operation.equals("delete")) {
            int idColumn = column(job.header, "Id");
            return collections.delete(false, rows.stream().map(r -> r.get(idColumn)).toList());
        }
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Map<String, Object> record = new HashMap<>();
            record.put("attributes", Map.of("type", table.name()));
            for (int c = 0; c < job.header.size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                if (cell.isEmpty()) {
                    continue;
                }
                record.put(job.header.get(c), cell.equals(NULL_VALUE) ? null : cell);
            }
            records.add(record);
        }
        return job.operation.equals("insert") ? collections.create(false, records) : collections.update(false, records);
    }

    private static String checkHeader(IngestJob job, SObjectTable table) {
        if (job.header.isEmpty()) {
            return "InvalidBatch : No data was uploaded to the job";
        }
        for (String column : job.header) {
            if (!table.hasField(column)) {
                return "InvalidBatch : Field name not found : " + column;
            }
            if (table.field(column).map(f -> f.type() == FieldType.BASE64).orElse(false)) {
                return "InvalidBatch : Binary field " + column + " needs a multipart upload, which the emulator does not offer";
            }
        }
        if (!job.operation.equals("insert") && column(job.header, "Id") < 0) {
            return "InvalidBatch : Field name not provided: Id";
        }
        return null;
    }

    private void fail(IngestJob job, String message, List<List<String>> unprocessed) {
        job.state = "Failed";
        job.errorMessage = message;
        job.modifiedAt = orgs.now();
        job.unprocessed.addAll(unprocessed);
    }

    private static List<List<String>> rowsOf(IngestJob job) {
        List<List<String>> all;
        try {
            all = IngestCsv.parse(job.data.toString(), job.delimiter);
        } catch (IllegalArgumentException e) {
            throw invalidJob("InvalidBatch : " + e.getMessage());
        }
        if (all.isEmpty()) {
            return List.of();
        }
        job.header = List.copyOf(all.get(0));
        return all.subList(1, all.size());
    }

    /** Salesforce's failed-row text: {@code STATUS_CODE:message:Field1,Field2 --}. */
    private static String error(SaveResult result) {
        StringBuilder text = new StringBuilder();
        for (SaveResult.SaveError error : result.errors()) {
            text.append(error.statusCode()).append(':').append(error.message()).append(':')
                    .append(String.join(",", error.fields())).append(" --");
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface Leading {
        List<String> cells(IngestJob.RowResult row);
    }

    private static void write(IngestJob job, List<String> leadingColumns, List<IngestJob.RowResult> rows, Leading leading,
            OutputStream stream) throws IOException {
        CsvWriter csv = new CsvWriter(stream, job.delimiter, job.lineEnding.equals("CRLF") ? "\r\n" : "\n");
        List<String> header = new ArrayList<>(leadingColumns);
        header.addAll(job.header);
        for (int c = 0; c < header.size(); c++) {
            csv.cell(c == 0, header.get(c));
        }
        csv.endRow();
        // Salesforce does not promise the upload order; the emulator answers the last row first, so clients match rows by a column
        for (int r = rows.size() - 1; r >= 0; r--) {
            IngestJob.RowResult row = rows.get(r);
            List<String> cells = new ArrayList<>(leading.cells(row));
            for (int c = 0; c < job.header.size(); c++) {
                cells.add(c < row.cells().size() ? row.cells().get(c) : "");
            }
            for (int c = 0; c < cells.size(); c++) {
                csv.cell(c == 0, cells.get(c) == null ? "" : cells.get(c));
            }
            csv.endRow();
        }
        csv.flush();
    }

    private IngestJob finished(String jobId) {
        IngestJob job = job(jobId);
        synchronized (job) {
            if (!job.state.equals("JobComplete") && !job.state.equals("Failed") && !job.state.equals("Aborted")) {
                throw invalidJob("Job " + jobId + " is " + job.state + "; results are available once it is JobComplete");
            }
        }
        return job;
    }

    private IngestJob job(String jobId) {
        synchronized (jobs) {
            IngestJob job = jobs.get(jobId);
            if (job == null) {
                throw SalesforceApiException.notFound("Job " + jobId + " does not exist");
            }
            return job;
        }
    }

    private static int column(List<String> header, String name) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    private IngestJobInfo info(IngestJob job) {
        synchronized (job) {
            boolean processed = !job.state.equals("Open");
            return new IngestJobInfo(job.id, job.operation, job.object, TokenService.INTEGRATION_USER_ID,
                    FieldType.formatRestDateTime(Instant.ofEpochMilli(job.createdAt)),
                    FieldType.formatRestDateTime(Instant.ofEpochMilli(job.modifiedAt)), job.state, null, "Parallel", "CSV",
                    Double.parseDouble(job.version), "V2Ingest", "services/data/v" + job.version + "/jobs/ingest/" + job.id + "/batches",
                    job.lineEnding, job.columnDelimiter, processed ? (long) (job.successful.size() + job.failed.size()) : 0L,
                    processed ? (long) job.failed.size() : 0L, 0, job.processingMillis, job.processingMillis, 0L, job.errorMessage);
        }
    }

    private static SalesforceApiException invalidJob(String message) {
        return new SalesforceApiException(400, "INVALIDJOB", message);
    }
}
