package dev.sfbackup.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk API 2.0 ingest: one job per call (create, {@code PUT} the CSV, {@code UploadComplete}, poll until it ends),
 * then its successfulResults, failedResults and unprocessedrecords, matched back to the rows by a correlation column
 * the caller chooses, never by row order (Salesforce does not promise one). Four API calls plus the polls per job when
 * every record was processed and none failed (the job's counters say so); one more for each of the failed and
 * unprocessed results otherwise.
 */
public final class BulkIngest {

    /** The job operations this client runs. */
    public enum Operation {
        INSERT("insert"), UPDATE("update"), DELETE("delete");

        private final String apiName;

        Operation(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /**
     * What a job did to each row, keyed by the row's correlation value: a {@link SaveResult} with the record id
     * (success) or Salesforce's errors parsed from {@code sf__Error}; rows the job did not process (it failed or was
     * aborted) are listed in {@code unprocessed}.
     *
     * @param state        JobComplete, Failed or Aborted
     * @param errorMessage the job's errorMessage when it failed, else null
     * @param apiCalls     the requests the job took: create, upload, UploadComplete, each status poll, the results read
     */
    public record Results(String jobId, String state, String errorMessage, Map<String, SaveResult> byCorrelation,
                          List<String> unprocessed, int apiCalls) {

        public Results {
            byCorrelation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCorrelation));
            unprocessed = List.copyOf(unprocessed);
        }
    }

    /** A cell value that sets the field to null; a null value in a row is written as this. */
    public static final String NULL_CELL = "#N/A";
    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
    private static final Duration FIRST_POLL = Duration.ofMillis(200);

    private final ApiTransport transport;
    private final ObjectMapper json;
    private final ConnectionOptions options;
    private final String jobsPath;

    BulkIngest(ApiTransport transport, ObjectMapper json, ConnectionOptions options, String dataPath) {
        this.transport = transport;
        this.json = json;
        this.options = options;
        this.jobsPath = dataPath + "/jobs/ingest";
    }

    /**
     * Runs one ingest job over the rows. Each row maps column → value (a missing column is an empty cell, which
     * leaves the field as it is on update; a null value sets the field to null); {@code correlationColumn} must be one
     * of {@code columns}, with a distinct, non-empty value in every row: for update and delete, {@code Id}; for insert,
     * a field the caller can recognise the row by (Salesforce refuses columns that are not fields of the object).
     */
    public Results run(String sObject, Operation operation, List<String> columns, List<Map<String, String>> rows,
                       String correlationColumn) {
        checkCorrelation(columns, rows, correlationColumn);
        String jobId = create(sObject, operation);
        String jobPath = jobsPath + "/" + jobId;
        sendAndClose(new ApiRequest("PUT", jobPath + "/batches", csv(columns, rows), "text/csv", Map.of()));
        sendAndClose(ApiRequest.json("PATCH", jobPath, "{\"state\":\"UploadComplete\"}".getBytes(StandardCharsets.UTF_8)));
        Ended ended = awaitEnd(jobPath);
        JsonNode job = ended.job();
        Map<String, SaveResult> results = new LinkedHashMap<>();
        int calls = 3 + ended.polls() + 1;
        readResults(jobPath + "/successfulResults", correlationColumn, (row, correlation) ->
                results.put(correlation, new SaveResult(row.get("sf__Id"), true, List.of())));
        if (mayHave(job, "numberRecordsFailed", 0)) {
            calls++;
            readResults(jobPath + "/failedResults", correlationColumn, (row, correlation) ->
                    results.put(correlation, new SaveResult(emptyToNull(row.get("sf__Id")), false, errors(row.get("sf__Error")))));
        }
        List<String> unprocessed = new ArrayList<>();
        if (!job.path("state").asText().equals("JobComplete") || mayHave(job, "numberRecordsProcessed", rows.size())) {
            calls++;
            readResults(jobPath + "/unprocessedrecords", correlationColumn, (row, correlation) -> unprocessed.add(correlation));
        }
        return new Results(jobId, job.path("state").asText(), job.hasNonNull("errorMessage") ? job.get("errorMessage").asText() : null,
                results, unprocessed, calls);
    }

    /**
     * Whether the ended job's counter may differ from {@code expected}: a result file the job info shows empty (no
     * record failed, every record processed; processed counts the failed ones too) is not requested.
     */
    private static boolean mayHave(JsonNode job, String counter, long expected) {
        return !job.path(counter).canConvertToLong() || job.path(counter).asLong() != expected;
    }

    private String create(String sObject, Operation operation) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("object", sObject);
        request.put("operation", operation.apiName());
        request.put("contentType", "CSV");
        request.put("columnDelimiter", "COMMA");
        request.put("lineEnding", "LF");
        try {
            return readJson(transport.send(ApiRequest.json("POST", jobsPath, json.writeValueAsBytes(request)))).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise job request", e);
        }
    }

    /** Polls until JobComplete, Failed or Aborted: first after {@link #FIRST_POLL}, then twice as long up to the poll interval. */
    private Ended awaitEnd(String jobPath) {
        Instant deadline = Instant.now().plus(options.bulkJobTimeout());
        Duration wait = shorter(FIRST_POLL, options.bulkPollInterval());
        for (int polls = 1; ; polls++) {
            JsonNode job = readJson(transport.send(ApiRequest.get(jobPath)));
            String state = job.path("state").asText();
            if (state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted")) {
                return new Ended(job, polls);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SalesforceException(0, "BULK_JOB_TIMEOUT", "ingest job " + jobPath + " still " + state
                        + " after " + options.bulkJobTimeout(), false);
            }
            pause(wait);
            wait = shorter(wait.multipliedBy(2), options.bulkPollInterval());
        }
    }

    private record Ended(JsonNode job, int polls) {
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(Map<String, String> row, String correlation);
    }

    private void readResults(String path, String correlationColumn, RowConsumer consumer) {
        HttpResponse<InputStream> response = transport.send(ApiRequest.get(path, ApiTransport.accept("text/csv")));
        try (CsvRowReader reader = new CsvRowReader(response.body(), ',')) {
            List<String> header = reader.next();
            if (header == null) {
                return;
            }
            int correlation = header.indexOf(correlationColumn);
            if (correlation < 0) {
                throw new SalesforceException(response.statusCode(), "UNEXPECTED_RESPONSE", path + " has no column "
                        + correlationColumn + ": " + header, false);
            }
            for (List<String> cells = reader.next(); cells != null; cells = reader.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size() && c < cells.size(); c++) {
                    row.put(header.get(c), cells.get(c));
                }
                consumer.accept(row, cells.get(correlation));
            }
        } catch (IOException e) {
            throw new TransportException("reading " + path, e);
        }
    }

    /** {@code sf__Error}: {@code STATUS_CODE:message:Field1,Field2 --}, one such part per error. */
    static List<SaveResult.SaveError> errors(String text) {
        List<SaveResult.SaveError> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return List.of(new SaveResult.SaveError("UNKNOWN_EXCEPTION", "no error reported", List.of()));
        }
        for (String part : text.split(" --")) {
            String error = part.strip();
            if (error.isEmpty()) {
                continue;
            }
            int first = error.indexOf(':');
            int last = error.lastIndexOf(':');
            if (first < 0) {
                errors.add(new SaveResult.SaveError(error, "", List.of()));
            } else if (first == last) {
                errors.add(new SaveResult.SaveError(error.substring(0, first), error.substring(first + 1), List.of()));
            } else {
                String fields = error.substring(last + 1).strip();
                errors.add(new SaveResult.SaveError(error.substring(0, first), error.substring(first + 1, last),
                        fields.isEmpty() ? List.of() : List.of(fields.split(","))));
            }
        }
        return errors;
    }

    private static void checkCorrelation(List<String> columns, List<Map<String, String>> rows, String correlationColumn) {
        if (!columns.contains(correlationColumn)) {
            throw new IllegalArgumentException("the correlation column " + correlationColumn + " must be one of the columns " + columns);
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, String> row : rows) {
            String value = row.get(correlationColumn);
            if (value == null || value.isEmpty() || !seen.add(value)) {
                throw new IllegalArgumentException("every row needs a distinct, non-empty " + correlationColumn + "; found " + value);
            }
        }
    }

    /**
     * RFC 4180 by jackson-dataformat-csv: every cell quoted, quotes doubled, LF line endings; null as {@link #NULL_CELL},
     * absent as an empty cell.
     */
    static byte[] csv(List<String> columns, List<Map<String, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * (rows.size() + 1));
        try (CsvGenerator csv = CSV.createGenerator(out)) {
            csv.setSchema(CsvSchema.emptySchema().withLineSeparator("\n"));
            writeRow(csv, columns);
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>(columns.size());
                for (String column : columns) {
                    cells.add(row.containsKey(column) ? (row.get(column) == null ? NULL_CELL : row.get(column)) : "");
                }
                writeRow(csv, cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRow(CsvGenerator csv, List<String> cells) throws IOException {
        csv.writeStartArray();
        for (String cell : cells) {
            if (cell.isEmpty()) {
                // unquoted, so the field is left as it is; Jackson quotes an empty String and drops trailing nulls
                csv.writeRawValue("");
            } else {
                csv.writeString(cell);
            }
        }
        csv.writeEndArray();
    }

    private void sendAndClose(ApiRequest request) {
        try (InputStream body = transport.send(request).body()) {
            body.transferTo(new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new TransportException(request.method() + " " + request.path(), e);
        }
    }

    private JsonNode readJson(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new TransportException("reading " + jobsPath, e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("waiting for an ingest job", new InterruptedIOException("interrupted"));
        }
    }
}
